package org.iechorfile.engine;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Why a step failed (the second error channel): the step was well-formed but could not be carried
 * out. The session stays on its last good step.
 *
 * @param kind what sort of failure it was
 * @param message one sentence saying what failed, where and what to do
 * @param detail more text for the curious (the last lines of output, the registry's answer); may be
 *     empty; never contains secrets
 * @param exitCode the command's exit code for {@link Kind#COMMAND_FAILED}
 */
public record Failure(Kind kind, String message, String detail, OptionalInt exitCode) {

  /** The kinds of failure. */
  public enum Kind {
    /** A RUN command exited with a non-zero status. */
    COMMAND_FAILED,
    /** The step was stopped by the user. */
    CANCELLED,
    /** A file the step needs is missing (a COPY source, a secret file). */
    MISSING_FILE,
    /** A variable could not be expanded ({@code ${X:?msg}} and the like). */
    EXPANSION,
    /** An image could not be found or pulled. */
    IMAGE_UNAVAILABLE,
    /** The registry refused the credentials. */
    UNAUTHORIZED,
    /** The registry could not be reached. */
    REGISTRY_UNREACHABLE,
    /** This machine cannot run commands (no namespaces, no overlay). */
    SANDBOX_UNAVAILABLE,
    /** A step the session cannot carry out for another reason. */
    UNSUPPORTED
  }

  public Failure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(exitCode, "exitCode");
  }

  /** A failure with no detail and no exit code. */
  public static Failure of(Kind kind, String message) {
    return new Failure(kind, message, "", OptionalInt.empty());
  }
}
