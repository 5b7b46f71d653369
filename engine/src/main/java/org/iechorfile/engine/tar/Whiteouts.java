package org.iechorfile.engine.tar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Recognises overlayfs whiteouts in layer directories: a character device with device number 0:0
 * marks a path the layers below hold as deleted. The one place that knows this encoding; OCI tar
 * streams spell the same thing as {@code .wh.NAME} entries, which {@link LayerExtractor} and {@link
 * LayerWriter} translate.
 */
public final class Whiteouts {

  /**
   * The attributes {@link #isWhiteout(Map)} needs, in the form {@link Files#readAttributes(Path,
   * String, LinkOption...)} takes; callers reading more attributes include {@code mode} and {@code
   * rdev} of the {@code unix} view.
   */
  public static final String ATTRIBUTES = "unix:mode,rdev";

  private static final int S_IFMT = 0170000;
  private static final int S_IFCHR = 0020000;

  private Whiteouts() {}

  /**
   * Whether {@code unixAttributes} (read without following links) describe a whiteout.
   *
   * @param unixAttributes attributes of the {@code unix} view holding at least {@code mode} and
   *     {@code rdev}
   * @throws IllegalArgumentException when {@code mode} or {@code rdev} is missing
   */
  public static boolean isWhiteout(Map<String, ?> unixAttributes) {
    Object mode = unixAttributes.get("mode");
    Object rdev = unixAttributes.get("rdev");
    if (!(mode instanceof Integer) || !(rdev instanceof Long)) {
      throw new IllegalArgumentException(
          "whiteout check needs the unix attributes mode and rdev, got " + unixAttributes.keySet());
    }
    return ((Integer) mode & S_IFMT) == S_IFCHR && (Long) rdev == 0L;
  }

  /**
   * Whether the entry at {@code path} (not followed if it is a link) is a whiteout; false when
   * nothing is there.
   *
   * @throws IOException when the entry cannot be read, a parent that is not a directory included
   */
  public static boolean isWhiteout(Path path) throws IOException {
    try {
      return isWhiteout(Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS));
    } catch (NoSuchFileException e) {
      return false;
    }
  }
}
