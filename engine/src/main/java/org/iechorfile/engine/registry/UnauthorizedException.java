package org.iechorfile.engine.registry;

/**
 * The registry refused the request (HTTP 401 or 403); the message carries the registry's own words.
 */
public final class UnauthorizedException extends RegistryException {
  private static final long serialVersionUID = 1L;

  public UnauthorizedException(String message) {
    super(message);
  }

  public UnauthorizedException(String message, Throwable cause) {
    super(message, cause);
  }
}
