package org.iechorfile.kernel.protocol;

/** A received message whose signature does not match its frames. */
public final class BadSignatureException extends Exception {
  private static final long serialVersionUID = 1L;

  public BadSignatureException(String message) {
    super(message);
  }
}
