package org.iechorfile.engine.inspect;

import java.util.List;
import java.util.Objects;

/**
 * The image's wasted space traced to the session's steps.
 *
 * @param bytes the total wasted bytes
 * @param files each wasted file, largest first
 */
public record WasteReport(long bytes, List<Item> files) {
  public WasteReport {
    files = List.copyOf(files);
  }

  /**
   * One wasted file.
   *
   * @param path its absolute path
   * @param bytes its size
   * @param addedBy the step that added it
   * @param hiddenBy the step that removed or overwrote it
   * @param removed true when it was removed, false when overwritten
   */
  public record Item(
      String path, long bytes, StepOrigin addedBy, StepOrigin hiddenBy, boolean removed) {
    public Item {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(addedBy, "addedBy");
      Objects.requireNonNull(hiddenBy, "hiddenBy");
    }
  }
}
