package org.iechorfile.engine.session;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.iechorfile.engine.CacheOutcome;
import org.iechorfile.engine.ChangeCard;
import org.iechorfile.engine.StepId;
import org.iechorfile.engine.syntax.Node;

/**
 * One applied step: what was typed and the state it left.
 *
 * @param id the step's id
 * @param node the instruction as parsed, with its text as typed and the comment lines above it
 * @param keyword the instruction keyword, upper case
 * @param state the state after the step
 * @param duration how long it took
 * @param cache whether it came from the build cache
 * @param escape the escape character the instruction was written with
 * @param card what the step changed
 */
record StepRecord(
    StepId id,
    Node node,
    String keyword,
    ImageState state,
    Duration duration,
    CacheOutcome cache,
    char escape,
    ChangeCard card) {
  StepRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(card, "card");
  }

  /** The instruction's text as typed. */
  String source() {
    return node.original();
  }

  /** The comment lines typed directly above the instruction, without their {@code #}. */
  List<String> comments() {
    return node.comments();
  }
}
