package org.iechorfile.engine.instruction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/**
 * {@code HEALTHCHECK NONE} (disables an inherited check) or {@code HEALTHCHECK [options] CMD
 * command}. A zero duration or retry count means "not set here": the runtime default applies
 * (interval 30s, timeout 30s, start period 0s, start interval 5s, retries 3).
 *
 * @param source the node it was typed from
 * @param none whether this is {@code HEALTHCHECK NONE}; then {@code command} is empty and the
 *     options are zero
 * @param command the test command; shell form is stored by the runtime as {@code CMD-SHELL}
 * @param interval the {@code --interval}, or zero
 * @param timeout the {@code --timeout}, or zero
 * @param startPeriod the {@code --start-period}, or zero
 * @param startInterval the {@code --start-interval}, or zero
 * @param retries the {@code --retries}, or zero
 */
public record Healthcheck(
    Node source,
    boolean none,
    CommandForm command,
    Duration interval,
    Duration timeout,
    Duration startPeriod,
    Duration startInterval,
    int retries)
    implements Instruction {

  public Healthcheck {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(startPeriod, "startPeriod");
    Objects.requireNonNull(startInterval, "startInterval");
    if (retries < 0) {
      throw new IllegalArgumentException("retries cannot be negative: " + retries);
    }
  }

  /** {@code HEALTHCHECK NONE}. */
  public static Healthcheck disabled(Node source) {
    return new Healthcheck(
        source,
        true,
        CommandForm.exec(List.of()),
        Duration.ZERO,
        Duration.ZERO,
        Duration.ZERO,
        Duration.ZERO,
        0);
  }

  /**
   * The test as the image config stores it: {@code [NONE]}, {@code [CMD, …]} or {@code [CMD-SHELL,
   * text]}.
   */
  public List<String> test() {
    if (none) {
      return List.of("NONE");
    }
    List<String> test = new ArrayList<>();
    test.add(command.exec() ? "CMD" : "CMD-SHELL");
    test.addAll(command.args());
    return List.copyOf(test);
  }

  @Override
  public Keyword keyword() {
    return Keyword.HEALTHCHECK;
  }
}
