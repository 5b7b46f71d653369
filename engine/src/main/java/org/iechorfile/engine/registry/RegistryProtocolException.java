package org.iechorfile.engine.registry;

/**
 * The registry answered in a way the distribution spec does not allow, or with an unexpected error
 * status.
 */
public final class RegistryProtocolException extends RegistryException {
  private static final long serialVersionUID = 1L;

  public RegistryProtocolException(String message) {
    super(message);
  }

  public RegistryProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
