package org.iechorfile.engine;

import java.util.Locale;

/**
 * Byte counts as people read them: {@code 512 B}, {@code 1.5 kB}, {@code 12.0 MB}; the one way both
 * front ends and every command print sizes.
 */
public final class ByteSizes {

  private ByteSizes() {}

  /** {@code bytes} in decimal units, one decimal from kB on. */
  public static String format(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
