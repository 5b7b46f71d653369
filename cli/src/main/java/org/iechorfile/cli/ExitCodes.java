package org.iechorfile.cli;

/** The command line's exit codes. */
final class ExitCodes {
  /** Done. */
  static final int OK = 0;

  /** A step failed or was rejected, or the input had errors. */
  static final int FAILED = 1;

  /** The command line itself was wrong (picocli's usage error code). */
  static final int USAGE = 2;

  private ExitCodes() {}
}
