package org.iechorfile.engine.store;

import java.util.List;
import java.util.Objects;
import org.iechorfile.engine.image.Digest;

/**
 * What the build cache keeps for one key: the blobs and snapshots it refers to (kept alive by
 * {@code gc} as long as the record exists) and an opaque payload the session engine interprets.
 *
 * @param blobs blob digests the record needs
 * @param snapshots snapshot diff_ids the record needs
 * @param payload the engine's own description of the cached step (JSON or any text)
 */
public record CacheRecord(List<Digest> blobs, List<Digest> snapshots, String payload) {

  public CacheRecord {
    blobs = List.copyOf(blobs);
    snapshots = List.copyOf(snapshots);
    Objects.requireNonNull(payload, "payload");
  }
}
