package org.iechorfile.engine.registry;

/**
 * A registry operation failed. Subclasses name the condition; every message says what failed,
 * where, and what to do next, and never contains a secret.
 */
public abstract class RegistryException extends Exception {
  private static final long serialVersionUID = 1L;

  protected RegistryException(String message) {
    super(message);
  }

  protected RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
