package org.iechorfile.engine.fs;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an image's filesystem as a {@link LayeredView} sees it.
 *
 * @param path the absolute path in the image ({@code /} for the root)
 * @param type what it is
 * @param mode the permission bits, with setuid, setgid and sticky ({@code 07777})
 * @param uid the numeric owner
 * @param gid the numeric group
 * @param size the bytes of a regular file; 0 for everything else
 * @param modified the modification time
 * @param linkTarget a symbolic link's target as stored; empty for other types
 * @param layer the position (0 = base) of the layer that holds this version of the entry
 */
public record FileEntry(
    String path,
    FileType type,
    int mode,
    int uid,
    int gid,
    long size,
    Instant modified,
    String linkTarget,
    int layer) {

  public FileEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(linkTarget, "linkTarget");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("image paths are absolute: " + path);
    }
    mode &= 07777;
  }

  /** The last element of the path ({@code /} for the root). */
  public String name() {
    if (path.equals("/")) {
      return "/";
    }
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Whether this is a directory. */
  public boolean isDirectory() {
    return type == FileType.DIRECTORY;
  }

  /** Whether this is a regular file. */
  public boolean isFile() {
    return type == FileType.FILE;
  }

  /** The mode as {@code ls -l} prints it, for example {@code drwxr-xr-x} or {@code -rwsr-xr-x}. */
  public String modeString() {
    StringBuilder text = new StringBuilder().append(type.letter());
    String letters = "rwxrwxrwx";
    for (int i = 0; i < 9; i++) {
      boolean set = (mode & (0400 >> i)) != 0;
      text.append(set ? letters.charAt(i) : '-');
    }
    special(text, 3, (mode & 04000) != 0, 's');
    special(text, 6, (mode & 02000) != 0, 's');
    special(text, 9, (mode & 01000) != 0, 't');
    return text.toString();
  }

  private static void special(StringBuilder text, int index, boolean set, char letter) {
    if (set) {
      boolean executable = text.charAt(index) == 'x';
      text.setCharAt(index, executable ? letter : Character.toUpperCase(letter));
    }
  }
}
