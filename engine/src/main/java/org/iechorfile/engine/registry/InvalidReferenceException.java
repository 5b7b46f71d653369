package org.iechorfile.engine.registry;

/** Text that should name an image ({@code name[:tag][@digest]}) does not. */
public final class InvalidReferenceException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidReferenceException(String message) {
    super(message);
  }
}
