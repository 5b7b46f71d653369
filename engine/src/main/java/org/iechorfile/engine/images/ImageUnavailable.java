package org.iechorfile.engine.images;

import java.util.Objects;

/**
 * An image could not be found, pulled, loaded or unpacked: by the image library, by an image
 * archive, or by a session's base images for FROM. The message says what failed (the image or
 * archive) and what to do next; the reason lets callers map it to an exit code or a failure kind.
 */
public final class ImageUnavailable extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why, in broad terms, so callers can map it. */
  public enum Reason {
    /** No such image, tag or platform, locally or in the registry. */
    NOT_FOUND,
    /** The registry refused the credentials, or wants some. */
    UNAUTHORIZED,
    /** The registry could not be reached. */
    UNREACHABLE,
    /** The text given is no valid image reference. */
    INVALID_REFERENCE,
    /** Anything else: a broken archive, an unsupported format. */
    OTHER
  }

  private final Reason reason;

  /**
   * @param reason why the image is unavailable
   * @param message what failed and what to do next, for the user
   * @param cause the underlying exception, or null
   */
  public ImageUnavailable(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the image is unavailable. */
  public Reason reason() {
    return reason;
  }
}
