package org.iechorfile.engine.tar;

import java.io.IOException;

/** A layer blob is not a tar archive this engine can unpack (corrupt, truncated, unsupported). */
public class LayerFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public LayerFormatException(String message) {
    super(message);
  }

  public LayerFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
