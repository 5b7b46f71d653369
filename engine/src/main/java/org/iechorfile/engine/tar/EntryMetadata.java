package org.iechorfile.engine.tar;

import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;

/**
 * What a layer keeps about a file besides its content.
 *
 * @param uid numeric owner
 * @param gid numeric group
 * @param mode permission bits including setuid, setgid and sticky ({@code 07777})
 * @param modified modification time
 * @param xattrs extended attributes, name to value
 */
record EntryMetadata(int uid, int gid, int mode, FileTime modified, Map<String, byte[]> xattrs) {

  EntryMetadata {
    Objects.requireNonNull(modified, "modified");
    mode &= 07777;
    xattrs = Map.copyOf(xattrs);
  }

  /** Metadata for a directory the archive implies but never lists. */
  static EntryMetadata implicitDirectory(FileTime modified) {
    return new EntryMetadata(0, 0, 0755, modified, Map.of());
  }
}
