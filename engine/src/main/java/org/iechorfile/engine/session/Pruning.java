package org.iechorfile.engine.session;

import java.time.Duration;
import java.util.Objects;

/**
 * What a garbage collection of the store may drop besides what nothing uses.
 *
 * @param dropCache whether to forget every build-cache record first, so that only open sessions
 *     keep layers ({@code gc --cache})
 * @param keepStorage the most bytes of layers the build cache may keep; the least recently used
 *     records are forgotten until its layers fit ({@link #NO_LIMIT} for none)
 * @param grace how old unreferenced blobs and snapshots and stray temporary files must be before
 *     they go, so that a pull or build running elsewhere keeps what it has not named yet
 */
public record Pruning(boolean dropCache, long keepStorage, Duration grace) {

  /** No limit on the build cache's size. */
  public static final long NO_LIMIT = Long.MAX_VALUE;

  public Pruning {
    if (keepStorage < 0) {
      throw new IllegalArgumentException("keepStorage must not be negative: " + keepStorage);
    }
    Objects.requireNonNull(grace, "grace");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative: " + grace);
    }
  }

  /** Only what nothing uses (no open session, no cache record, no image name). */
  public static Pruning unreachable(Duration grace) {
    return new Pruning(false, NO_LIMIT, grace);
  }
}
