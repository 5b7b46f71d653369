package org.iechorfile.engine.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iechorfile.engine.fs.FileEntry;
import org.iechorfile.engine.fs.LayeredView;

/** Builds {@link PathReport}s from a layered view of an image. */
final class PathReports {

  /** How many directory entries a report lists. */
  static final int ENTRIES = 20;

  /** How many lines of a text file a report shows. */
  static final int LINES = 10;

  private static final int HEAD_BYTES = 4096;

  private PathReports() {}

  static PathReport of(LayeredView view, String absolute) throws IOException {
    FileEntry entry = view.stat(absolute).orElseThrow(() -> new NoSuchFileException(absolute));
    List<FileEntry> children = List.of();
    int more = 0;
    List<String> lines = List.of();
    boolean moreLines = false;
    boolean binary = false;
    if (entry.isDirectory()) {
      List<FileEntry> all = view.list(absolute);
      children = all.subList(0, Math.min(ENTRIES, all.size()));
      more = all.size() - children.size();
    } else if (entry.isFile()) {
      byte[] head;
      try (InputStream in = view.open(absolute)) {
        head = in.readNBytes(HEAD_BYTES);
      }
      binary = ImageInspector.isBinary(head);
      if (!binary && head.length > 0) {
        List<String> all = List.of(new String(head, StandardCharsets.UTF_8).split("\n", -1));
        boolean cut = head.length < entry.size();
        int complete = cut ? all.size() - 1 : all.size();
        if (!cut && all.get(all.size() - 1).isEmpty()) {
          complete--;
        }
        lines = all.subList(0, Math.min(LINES, Math.max(complete, 1)));
        moreLines = cut || complete > lines.size();
      }
    }
    return new PathReport(
        entry,
        names(view, "/etc/passwd"),
        names(view, "/etc/group"),
        children,
        more,
        lines,
        moreLines,
        binary);
  }

  /** The names by id of a passwd or group file ({@code name:x:id:...}); empty when unreadable. */
  private static Map<Integer, String> names(LayeredView view, String file) throws IOException {
    byte[] bytes;
    try (InputStream in = view.open(file)) {
      bytes = in.readNBytes(1 << 20);
    } catch (FileSystemException e) {
      return Map.of();
    }
    Map<Integer, String> names = new HashMap<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      String[] fields = line.split(":", -1);
      if (line.startsWith("#") || fields.length < 3 || !isId(fields[2])) {
        continue;
      }
      names.putIfAbsent(Integer.parseInt(fields[2]), fields[0]);
    }
    return names;
  }

  private static boolean isId(String text) {
    return !text.isEmpty() && text.length() < 10 && text.chars().allMatch(Character::isDigit);
  }
}
