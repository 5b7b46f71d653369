package org.iechorfile.engine.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Map;

/** Reading single entries of layer directories in overlay form. */
final class LayerEntries {

  private static final String ATTRIBUTES = "unix:mode,uid,gid,rdev,size,lastModifiedTime";

  private LayerEntries() {}

  /** {@code path} without its leading slashes: the path inside a layer directory. */
  static String relative(String path) {
    int start = 0;
    while (start < path.length() && path.charAt(start) == '/') {
      start++;
    }
    return path.substring(start);
  }

  /** The attributes of {@code path} (links not followed), or null when there is nothing there. */
  static Map<String, Object> lstat(Path path) throws IOException {
    try {
      return Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException | NotDirectoryException e) {
      return null;
    }
  }
}
