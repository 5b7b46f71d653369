package org.iechorfile.engine.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * How a sandboxed command ended.
 *
 * @param exitCode the command's exit code (128 + signal when killed by a signal)
 * @param elapsed wall-clock time from start to exit
 * @param cancelled whether the command was stopped by a {@link Cancellation}
 */
public record SandboxResult(int exitCode, Duration elapsed, boolean cancelled) {

  public SandboxResult {
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Whether the command ran to completion with exit code 0. */
  public boolean succeeded() {
    return exitCode == 0 && !cancelled;
  }
}
