package org.iechorfile.engine.fs;

import java.util.Objects;

/**
 * One path that differs between two views.
 *
 * @param kind added, changed or removed
 * @param path the absolute image path
 * @param type the entry's type after the change (before it, for removals)
 * @param bytesBefore the regular-file bytes before; 0 when absent or not a file
 * @param bytesAfter the regular-file bytes after; 0 when absent or not a file
 */
public record Change(Kind kind, String path, FileType type, long bytesBefore, long bytesAfter) {

  /** How a path differs. */
  public enum Kind {
    ADDED,
    CHANGED,
    REMOVED
  }

  public Change {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
  }

  /** The letter {@code docker diff} prints: {@code A}, {@code C} or {@code D}. */
  public char letter() {
    return switch (kind) {
      case ADDED -> 'A';
      case CHANGED -> 'C';
      case REMOVED -> 'D';
    };
  }
}
