package org.iechorfile.engine.inspect;

import java.util.ArrayList;
import java.util.List;
import org.iechorfile.engine.image.HistoryEntry;
import org.iechorfile.engine.session.ImageState;
import org.iechorfile.engine.session.LayerRef;
import org.iechorfile.engine.session.Session;
import org.iechorfile.engine.session.StepInfo;

/**
 * Which step of a session made each layer of a state: the first step whose state holds the layer (a
 * RUN or COPY for the session's own layers, the FROM for a base image's), else the command the
 * image's history records for it.
 */
final class LayerOrigins {

  private final List<StepOrigin> origins;

  private LayerOrigins(List<StepOrigin> origins) {
    this.origins = origins;
  }

  static LayerOrigins of(Session session, ImageState state) {
    List<StepInfo> steps = session.steps();
    List<List<String>> layersByStep = new ArrayList<>();
    for (int n = 1; n <= steps.size(); n++) {
      layersByStep.add(
          session
              .stateAt(n)
              .map(s -> s.layers().stream().map(LayerRef::id).toList())
              .orElse(List.of()));
    }
    List<String> history =
        state.history().stream().filter(h -> !h.emptyLayer()).map(HistoryEntry::createdBy).toList();
    List<StepOrigin> origins = new ArrayList<>();
    for (int i = 0; i < state.layers().size(); i++) {
      String id = state.layers().get(i).id();
      StepOrigin origin = null;
      for (int n = 0; n < layersByStep.size() && origin == null; n++) {
        if (layersByStep.get(n).contains(id)) {
          origin = new StepOrigin(n + 1, steps.get(n).source());
        }
      }
      if (origin == null) {
        origin = new StepOrigin(0, i < history.size() ? history.get(i) : "layer " + (i + 1));
      }
      origins.add(origin);
    }
    return new LayerOrigins(origins);
  }

  /** The origin of layer {@code index}; a layer past the state's own is the failed step's. */
  StepOrigin of(int index, int failedStep) {
    return index < origins.size()
        ? origins.get(index)
        : new StepOrigin(failedStep, "the failed step");
  }
}
