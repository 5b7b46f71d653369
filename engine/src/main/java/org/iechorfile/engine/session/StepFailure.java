package org.iechorfile.engine.session;

import org.iechorfile.engine.Failure;

/** A well-formed step could not be carried out; carries the {@link Failure} users see. */
final class StepFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Failure failure;

  StepFailure(Failure failure) {
    super(failure.message());
    this.failure = failure;
  }

  StepFailure(Failure failure, Throwable cause) {
    super(failure.message(), cause);
    this.failure = failure;
  }

  Failure failure() {
    return failure;
  }
}
