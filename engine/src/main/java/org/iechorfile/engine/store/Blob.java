package org.iechorfile.engine.store;

import java.util.Objects;
import org.iechorfile.engine.image.Digest;

/**
 * A blob in the store.
 *
 * @param digest its sha256 digest
 * @param size its length in bytes
 */
public record Blob(Digest digest, long size) {

  public Blob {
    Objects.requireNonNull(digest, "digest");
    if (size < 0) {
      throw new IllegalArgumentException("negative blob size: " + size);
    }
  }
}
