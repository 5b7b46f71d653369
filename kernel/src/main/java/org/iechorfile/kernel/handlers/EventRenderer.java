package org.iechorfile.kernel.handlers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iechorfile.engine.ByteSizes;
import org.iechorfile.engine.ConfigChange;
import org.iechorfile.engine.ConfigChanged;
import org.iechorfile.engine.LayerCommitted;
import org.iechorfile.engine.OutputChunk;
import org.iechorfile.engine.PullProgress;
import org.iechorfile.engine.SessionListener;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.StepFailed;
import org.iechorfile.engine.StepRedone;
import org.iechorfile.engine.StepRejected;
import org.iechorfile.engine.StepStarted;
import org.iechorfile.engine.StepUndone;

/**
 * Turns a cell's session events into IOPub outputs as they happen: RUN output as streams, pull
 * progress as one display updated in place, a change card per completed step; the first rejection
 * or failure is kept for the cell's {@code error}.
 */
final class EventRenderer implements SessionListener {

  private final CellOutput out;
  private final List<LayerCommitted> layers = new ArrayList<>();
  private final List<ConfigChange> changes = new ArrayList<>();
  private final Set<String> pullDisplays = new HashSet<>();
  private final List<String> completedSteps = new ArrayList<>();
  private Optional<Traceback> error = Optional.empty();

  EventRenderer(CellOutput out) {
    this.out = out;
  }

  /** The first rejection or failure, if any. */
  Optional<Traceback> error() {
    return error;
  }

  /** The step numbers completed, in order. */
  List<String> completedSteps() {
    return List.copyOf(completedSteps);
  }

  @Override
  public void stepStarted(StepStarted event) {
    layers.clear();
    changes.clear();
  }

  @Override
  public void outputChunk(OutputChunk event) {
    out.stream(event.channel() == OutputChunk.Channel.STDERR ? "stderr" : "stdout", event.text());
  }

  @Override
  public void pullProgress(PullProgress event) {
    String id = "pull-" + event.step().number() + "-" + event.image();
    String text =
        "Pulling "
            + event.image()
            + ": layer "
            + shortLayer(event.layer())
            + " "
            + ByteSizes.format(event.bytesDone())
            + " of "
            + ByteSizes.format(event.bytesTotal())
            + (event.finished() ? " (done)" : "");
    boolean update = !pullDisplays.add(id);
    out.display(Map.of("text/plain", text), id, update);
  }

  @Override
  public void layerCommitted(LayerCommitted event) {
    layers.add(event);
  }

  @Override
  public void configChanged(ConfigChanged event) {
    changes.addAll(event.changes());
  }

  @Override
  public void stepRejected(StepRejected event) {
    if (error.isEmpty()) {
      error = Optional.of(Traceback.rejected(event.source(), event.diagnostics()));
    }
  }

  @Override
  public void stepFailed(StepFailed event) {
    if (error.isEmpty()) {
      error = Optional.of(Traceback.failed(event.source(), event.failure()));
    }
  }

  @Override
  public void stepCompleted(StepCompleted event) {
    completedSteps.add(String.valueOf(event.step().number()));
    out.display(new ChangeCard(event, layers, changes).bundle());
  }

  @Override
  public void stepUndone(StepUndone event) {
    // Shown once, by the summary of the command that undid the steps.
  }

  @Override
  public void stepRedone(StepRedone event) {
    // Shown once, by the summary of the command that redid the steps.
  }

  private static String shortLayer(String layer) {
    String hex = layer.replaceFirst("^sha256:", "");
    return hex.length() > 12 ? hex.substring(0, 12) : hex;
  }
}
