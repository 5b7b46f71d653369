package org.iechorfile.engine.registry;

/** The registry could not be reached: connection refused, reset, timed out, or a DNS failure. */
public final class RegistryUnreachableException extends RegistryException {
  private static final long serialVersionUID = 1L;

  public RegistryUnreachableException(String message) {
    super(message);
  }

  public RegistryUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
