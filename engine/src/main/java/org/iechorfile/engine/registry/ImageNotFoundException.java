package org.iechorfile.engine.registry;

/** The registry has no such repository, tag, manifest or blob (HTTP 404). */
public final class ImageNotFoundException extends RegistryException {
  private static final long serialVersionUID = 1L;

  public ImageNotFoundException(String message) {
    super(message);
  }

  public ImageNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
