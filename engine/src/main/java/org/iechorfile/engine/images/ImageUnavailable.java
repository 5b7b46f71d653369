package org.iechorfile.engine.images;

/** An image could not be found, pulled or unpacked; the message says what to do. */
public final class ImageUnavailable extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why, in broad terms, so callers can map it. */
  public enum Reason {
    NOT_FOUND,
    UNAUTHORIZED,
    UNREACHABLE,
    INVALID_REFERENCE,
    OTHER
  }

  private final Reason reason;

  public ImageUnavailable(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** Why the image is unavailable. */
  public Reason reason() {
    return reason;
  }
}
