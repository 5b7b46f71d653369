package org.iechorfile.engine.image;

/** Text that should be a digest is not a well-formed one. */
public final class InvalidDigestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidDigestException(String message) {
    super(message);
  }
}
