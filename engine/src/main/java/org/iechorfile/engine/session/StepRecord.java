package org.iechorfile.engine.session;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.iechorfile.engine.CacheOutcome;
import org.iechorfile.engine.ChangeCard;
import org.iechorfile.engine.StepId;

/**
 * One applied step: what was typed and the state it left.
 *
 * @param id the step's id
 * @param source the instruction's text as typed
 * @param keyword the instruction keyword, upper case
 * @param state the state after the step
 * @param duration how long it took
 * @param cache whether it came from the build cache
 * @param comments the comment lines typed directly above the instruction, without their {@code #}
 * @param escape the escape character the instruction was written with
 * @param card what the step changed
 */
record StepRecord(
    StepId id,
    String source,
    String keyword,
    ImageState state,
    Duration duration,
    CacheOutcome cache,
    List<String> comments,
    char escape,
    ChangeCard card) {
  StepRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(state, "state");
    comments = List.copyOf(comments);
    Objects.requireNonNull(card, "card");
  }
}
