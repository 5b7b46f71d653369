package org.iechorfile.engine.registry;

/** Credentials could not be read: a malformed config.json or a failing credential helper. */
public final class CredentialsUnavailableException extends RegistryException {
  private static final long serialVersionUID = 1L;

  public CredentialsUnavailableException(String message) {
    super(message);
  }

  public CredentialsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
