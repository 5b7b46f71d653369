package org.iechorfile.engine.spi;

/** The sandbox could not be set up or died; the command itself did not get to run or finish. */
public final class SandboxException extends Exception {
  private static final long serialVersionUID = 1L;

  public SandboxException(String message) {
    super(message);
  }

  public SandboxException(String message, Throwable cause) {
    super(message, cause);
  }
}
