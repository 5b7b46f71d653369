package org.iechorfile.kernel.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.iechorfile.engine.CacheOutcome;
import org.iechorfile.engine.ConfigChange;
import org.iechorfile.engine.ConfigChanged;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.LayerCommitted;
import org.iechorfile.engine.PullProgress;
import org.iechorfile.engine.SourceSpan;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.StepFailed;
import org.iechorfile.engine.StepId;
import org.iechorfile.engine.StepRejected;
import org.iechorfile.engine.StepStarted;
import org.junit.jupiter.api.Test;

class EventRendererTest {

  private final Recorder recorder = new Recorder();
  private final EventRenderer renderer =
      new EventRenderer(
          new CellOutput(recorder.exchange("execute_request", Map.of("code", "x")), false, 1));
  private final StepId step = new StepId(1);

  @Test
  void pullProgress_sameImage_oneDisplayUpdatedInPlace() {
    renderer.pullProgress(new PullProgress(step, "busybox", "sha256:" + "a".repeat(64), 10, 100));
    renderer.pullProgress(new PullProgress(step, "busybox", "sha256:" + "a".repeat(64), 100, 100));
    assertEquals(List.of("display_data", "update_display_data"), recorder.iopubTypes());
    String first = recorder.json(recorder.iopub.get(0));
    String second = recorder.json(recorder.iopub.get(1));
    assertTrue(first.contains("\"display_id\":\"pull-1-busybox\""), first);
    assertTrue(second.contains("\"display_id\":\"pull-1-busybox\""), second);
    assertTrue(second.contains("aaaaaaaaaaaa 100 B of 100 B (done)"), second);
  }

  @Test
  void stepCompleted_afterLayerAndConfig_cardWithBoth() {
    renderer.stepStarted(new StepStarted(step, "RUN make", Instant.EPOCH));
    renderer.layerCommitted(new LayerCommitted(step, "l1", 2048, 3));
    renderer.configChanged(new ConfigChanged(step, List.of(new ConfigChange("Env.A", "", "1"))));
    renderer.stepCompleted(
        new StepCompleted(
            step,
            "RUN make",
            Duration.ofMillis(1500),
            new CacheOutcome(false, "no earlier run of this step"),
            List.of(
                Diagnostic.warning("JSONArgsRecommended", "use JSON", SourceSpan.of(1, 1, 3)))));
    String card = recorder.json(recorder.iopub.get(0));
    assertTrue(card.contains("Step 1: RUN make"), card);
    assertTrue(card.contains("built in 1.50 s (no earlier run of this step)"), card);
    assertTrue(card.contains("layer: 2.0 kB in 3 entries"), card);
    assertTrue(card.contains("Env.A: (none) -> 1"), card);
    assertTrue(card.contains("warning: use JSON [JSONArgsRecommended]"), card);
    assertTrue(card.contains("<li>layer: 2.0 kB in 3 entries</li>"), card);
  }

  @Test
  void stepCompleted_htmlInSource_escaped() {
    renderer.stepCompleted(
        new StepCompleted(
            step, "ENV A=<b>", Duration.ZERO, new CacheOutcome(false, ""), List.of()));
    String card = recorder.json(recorder.iopub.get(0));
    assertTrue(card.contains("ENV A=&lt;b&gt;"), card);
  }

  @Test
  void stepRejected_thenFailed_firstErrorKept() {
    renderer.stepRejected(
        new StepRejected(
            step,
            "FRM x",
            List.of(Diagnostic.error("unknown instruction: FRM", SourceSpan.of(1, 1, 3)))));
    renderer.stepFailed(
        new StepFailed(
            step,
            "RUN x",
            new Failure(Failure.Kind.COMMAND_FAILED, "exit 1", "", OptionalInt.of(1))));
    Traceback error = renderer.error().orElseThrow();
    assertEquals("StepRejected", error.ename());
    assertEquals("FRM x", error.lines().get(0));
    assertTrue(error.lines().get(1).contains("^^^"), error.lines().get(1));
    assertTrue(error.lines().get(2).contains("1:1: unknown instruction: FRM"));
  }
}
