package org.iechorfile.engine.registry;

/** An image index has no manifest for the platform asked for. */
public final class NoMatchingPlatformException extends RegistryException {
  private static final long serialVersionUID = 1L;

  public NoMatchingPlatformException(String message) {
    super(message);
  }

  public NoMatchingPlatformException(String message, Throwable cause) {
    super(message, cause);
  }
}
