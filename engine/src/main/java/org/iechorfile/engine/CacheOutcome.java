package org.iechorfile.engine;

import java.util.Objects;

/**
 * Whether a step's result came from the build cache.
 *
 * @param hit true when the result was reused without running anything
 * @param reason why: {@code "same instruction on the same parent"}, {@code "cache is off"}, {@code
 *     "first time this instruction runs here"}, {@code "ARG VERSION changed"}
 */
public record CacheOutcome(boolean hit, String reason) {
  public CacheOutcome {
    Objects.requireNonNull(reason, "reason");
  }

  /** A step that needs no cache (config-only steps are always computed). */
  public static CacheOutcome notApplicable() {
    return new CacheOutcome(false, "config-only step");
  }
}
