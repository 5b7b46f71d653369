package org.iechorfile.engine.inspect;

import java.util.Objects;
import org.iechorfile.engine.fs.FileEntry;

/**
 * A path's metadata for {@code %stat}, with the step whose layer holds its current version.
 *
 * @param entry the metadata
 * @param origin the step that made this version of it
 */
public record PathInfo(FileEntry entry, StepOrigin origin) {
  public PathInfo {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(origin, "origin");
  }
}
