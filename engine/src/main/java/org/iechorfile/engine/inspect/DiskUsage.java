package org.iechorfile.engine.inspect;

import java.util.List;
import java.util.Objects;

/**
 * What a directory's subtree holds, for {@code %du}.
 *
 * @param path the absolute path measured
 * @param bytes the bytes of every regular file below it
 * @param entries each entry of the directory with the bytes below it, largest first
 */
public record DiskUsage(String path, long bytes, List<Item> entries) {
  public DiskUsage {
    Objects.requireNonNull(path, "path");
    entries = List.copyOf(entries);
  }

  /**
   * One entry of the measured directory.
   *
   * @param path its absolute path
   * @param bytes the bytes of regular files at or below it
   */
  public record Item(String path, long bytes) {
    public Item {
      Objects.requireNonNull(path, "path");
    }
  }
}
