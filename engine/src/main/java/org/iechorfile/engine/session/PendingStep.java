package org.iechorfile.engine.session;

import java.util.Objects;
import org.iechorfile.engine.syntax.Node;

/**
 * A redoable step with no result yet: its instruction is kept, but the step it stood on was
 * replaced, so redoing it applies the instruction again (through the build cache) on the new
 * parent.
 *
 * @param node the instruction as parsed when it was first applied
 * @param escape the escape character it was written with
 * @param keyword the instruction keyword, upper case
 * @param stage the stage it belonged to when it was applied
 */
record PendingStep(Node node, char escape, String keyword, String stage) {
  PendingStep {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(stage, "stage");
  }

  /** The pending form of an applied step. */
  static PendingStep of(StepRecord step) {
    return new PendingStep(step.node(), step.escape(), step.keyword(), StepInfos.stage(step));
  }

  /** The instruction's text as typed. */
  String source() {
    return node.original();
  }
}
