package org.iechorfile.engine.store;

import java.io.IOException;

/** Content offered to the store does not have the digest it was announced with. */
public final class BlobMismatchException extends IOException {
  private static final long serialVersionUID = 1L;

  public BlobMismatchException(String message) {
    super(message);
  }
}
