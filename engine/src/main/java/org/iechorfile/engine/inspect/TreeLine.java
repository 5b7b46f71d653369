package org.iechorfile.engine.inspect;

import java.util.Objects;
import org.iechorfile.engine.fs.FileEntry;

/**
 * One line of {@code %tree}: an entry and how deep below the start it is.
 *
 * @param depth 0 for the start, 1 for its entries and so on
 * @param entry the entry
 */
public record TreeLine(int depth, FileEntry entry) {
  public TreeLine {
    Objects.requireNonNull(entry, "entry");
  }
}
