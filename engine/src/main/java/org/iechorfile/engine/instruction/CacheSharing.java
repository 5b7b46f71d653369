package org.iechorfile.engine.instruction;

import java.util.Locale;

/** How concurrent builds share a cache mount ({@code sharing=}). */
public enum CacheSharing {
  /** Used by all writers at once (the default). */
  SHARED,
  /** A new cache is made when it is in use. */
  PRIVATE,
  /** One writer at a time; others wait. */
  LOCKED;

  /** The value as written: {@code shared}, {@code private}, {@code locked}. */
  public String spelled() {
    return name().toLowerCase(Locale.ROOT);
  }
}
