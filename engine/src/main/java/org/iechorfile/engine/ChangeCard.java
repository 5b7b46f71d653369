package org.iechorfile.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one step changed, for the card front ends show after it: files added, changed and removed
 * with their bytes, the biggest new paths, the config delta, how long it took and whether it came
 * from the build cache (and why or why not).
 *
 * @param added files, directories and links the step added
 * @param changed those it changed
 * @param removed those it removed
 * @param bytesAdded the bytes of the files it added or rewrote
 * @param bytesRemoved the bytes of the files it removed
 * @param biggest the largest files it added or rewrote, largest first (at most {@link
 *     #BIGGEST_PATHS})
 * @param config the config fields it changed
 * @param duration how long it took
 * @param cache whether it came from the build cache, and why or why not
 */
public record ChangeCard(
    long added,
    long changed,
    long removed,
    long bytesAdded,
    long bytesRemoved,
    List<PathSize> biggest,
    List<ConfigChange> config,
    Duration duration,
    CacheOutcome cache) {

  /** How many of the biggest new paths a card lists. */
  public static final int BIGGEST_PATHS = 5;

  public ChangeCard {
    biggest = List.copyOf(biggest);
    config = List.copyOf(config);
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(cache, "cache");
  }

  /** The card of a step that changed no file. */
  public static ChangeCard configOnly(
      List<ConfigChange> config, Duration duration, CacheOutcome cache) {
    return new ChangeCard(0, 0, 0, 0, 0, List.of(), config, duration, cache);
  }

  /** Whether the step changed any file. */
  public boolean changedFiles() {
    return added + changed + removed > 0;
  }

  /**
   * A path and its size in bytes.
   *
   * @param path the absolute image path
   * @param bytes its size
   */
  public record PathSize(String path, long bytes) {
    public PathSize {
      Objects.requireNonNull(path, "path");
    }
  }
}
