package org.iechorfile.engine.command;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them: {@code 12 ms}, {@code 1.4 s}, {@code 2 m 05 s}. */
public final class Durations {

  private Durations() {}

  /** {@code duration} in the shortest readable form. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    return String.format(Locale.ROOT, "%d m %02d s", millis / 60_000, (millis / 1000) % 60);
  }
}
