package org.iechorfile.engine.registry;

/** Content from the registry does not have the digest (or size) it was asked for by. */
public final class DigestMismatchException extends RegistryException {
  private static final long serialVersionUID = 1L;

  public DigestMismatchException(String message) {
    super(message);
  }

  public DigestMismatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
