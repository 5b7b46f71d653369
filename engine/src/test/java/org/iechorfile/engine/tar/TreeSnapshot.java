package org.iechorfile.engine.tar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.iechorfile.engine.image.Digest;

/**
 * Describes a directory tree as path to text: type and mode, owner, device number, modification
 * time, content hash, link target, the set of names sharing an inode, extended attributes.
 */
final class TreeSnapshot {

  private static final String ATTRIBUTES = "unix:mode,uid,gid,rdev,lastModifiedTime,fileKey,nlink";

  private TreeSnapshot() {}

  /** Every path below {@code root} (the root itself excluded), in a comparable form. */
  static Map<String, String> of(Path root) throws IOException {
    Map<Path, Map<String, byte[]>> xattrs = SpecialFiles.readAttributes(root);
    Map<String, Map<String, Object>> attributes = new TreeMap<>();
    Map<Object, TreeSet<String>> namesByInode = new HashMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        if (!path.equals(root)) {
          Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
          String name = root.relativize(path).toString();
          attributes.put(name, a);
          namesByInode.computeIfAbsent(a.get("fileKey"), k -> new TreeSet<>()).add(name);
        }
      }
    }
    Map<String, String> result = new TreeMap<>();
    for (Map.Entry<String, Map<String, Object>> entry : attributes.entrySet()) {
      Path path = root.resolve(entry.getKey());
      Map<String, Object> a = entry.getValue();
      StringBuilder text = new StringBuilder();
      text.append(Integer.toOctalString((Integer) a.get("mode")))
          .append(' ')
          .append(a.get("uid"))
          .append(':')
          .append(a.get("gid"))
          .append(" rdev=")
          .append(a.get("rdev"))
          .append(" mtime=")
          .append(((FileTime) a.get("lastModifiedTime")).to(TimeUnit.SECONDS));
      if (Files.isSymbolicLink(path)) {
        text.append(" -> ").append(Files.readSymbolicLink(path));
      } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        text.append(" sha=").append(Digest.sha256(Files.readAllBytes(path)).shortHex());
        text.append(" names=").append(namesByInode.get(a.get("fileKey")));
      }
      xattrs
          .getOrDefault(Path.of(entry.getKey()), Map.of())
          .forEach(
              (key, value) ->
                  text.append(' ').append(key).append('=').append(HexFormat.of().formatHex(value)));
      result.put(entry.getKey(), text.toString());
    }
    return result;
  }
}
