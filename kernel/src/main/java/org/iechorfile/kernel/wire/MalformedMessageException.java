package org.iechorfile.kernel.wire;

/** A multipart message that is not a Jupyter message: no delimiter, too few frames, bad JSON. */
public final class MalformedMessageException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedMessageException(String message) {
    super(message);
  }

  public MalformedMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
