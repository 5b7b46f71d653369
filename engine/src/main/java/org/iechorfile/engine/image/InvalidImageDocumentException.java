package org.iechorfile.engine.image;

/**
 * A manifest, index or config is not valid JSON of the expected shape: a field is missing or has
 * the wrong type, a digest is malformed, or the media type is not the one expected.
 */
public final class InvalidImageDocumentException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidImageDocumentException(String message) {
    super(message);
  }

  public InvalidImageDocumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
