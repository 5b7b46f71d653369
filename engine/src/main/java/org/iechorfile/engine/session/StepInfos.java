package org.iechorfile.engine.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iechorfile.engine.StepId;

/** The {@link StepInfo}s of a timeline: live steps, then undone ones, then pending ones. */
final class StepInfos {

  private static final List<String> LAYER_KEYWORDS = List.of("RUN", "COPY", "ADD");

  private StepInfos() {}

  static List<StepInfo> of(Timeline timeline) {
    List<StepInfo> infos = new ArrayList<>();
    List<StepRecord> all = timeline.all();
    for (int i = 0; i < all.size(); i++) {
      StepRecord step = all.get(i);
      ImageState state = step.state();
      long bytes =
          LAYER_KEYWORDS.contains(step.keyword())
              ? state.layers().get(state.layers().size() - 1).bytes()
              : 0;
      infos.add(
          new StepInfo(
              step.id(),
              step.source(),
              step.keyword(),
              stage(step),
              i < timeline.liveCount(),
              false,
              step.cache().hit(),
              step.duration(),
              bytes));
    }
    for (PendingStep step : timeline.pending()) {
      infos.add(
          new StepInfo(
              new StepId(infos.size() + 1),
              step.source(),
              step.keyword(),
              step.stage(),
              false,
              true,
              false,
              Duration.ZERO,
              0));
    }
    return infos;
  }

  /** The name of the stage a step left the image in ({@code stage-N} when unnamed). */
  static String stage(StepRecord step) {
    ImageState state = step.state();
    return state.stageName().isEmpty() ? "stage-" + state.stageIndex() : state.stageName();
  }
}
