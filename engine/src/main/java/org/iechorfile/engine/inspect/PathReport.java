package org.iechorfile.engine.inspect;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.iechorfile.engine.ByteSizes;
import org.iechorfile.engine.fs.FileEntry;

/**
 * What is at a path of an image, for inspecting a path under the cursor: the entry's metadata with
 * owner names from the image's {@code /etc/passwd} and {@code /etc/group}; for a directory its
 * first entries, for a small text file its first lines.
 *
 * @param entry the entry (a symbolic link itself, not its target)
 * @param users user names by uid, from the image's {@code /etc/passwd}; empty when it has none
 * @param groups group names by gid, from the image's {@code /etc/group}; empty when it has none
 * @param children a directory's first entries, in name order; empty for anything else
 * @param moreChildren how many entries of the directory are not in {@code children}
 * @param lines a text file's first lines; empty for a binary file and for anything else
 * @param moreLines whether the file goes on after {@code lines}
 * @param binary whether the entry is a regular file that does not look like text
 */
public record PathReport(
    FileEntry entry,
    Map<Integer, String> users,
    Map<Integer, String> groups,
    List<FileEntry> children,
    int moreChildren,
    List<String> lines,
    boolean moreLines,
    boolean binary) {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  public PathReport {
    Objects.requireNonNull(entry, "entry");
    users = Map.copyOf(users);
    groups = Map.copyOf(groups);
    children = List.copyOf(children);
    if (moreChildren < 0) {
      throw new IllegalArgumentException("moreChildren must not be negative: " + moreChildren);
    }
    lines = List.copyOf(lines);
  }

  /** The owner as {@code name:group (uid:gid)}, or {@code uid:gid} when the image names neither. */
  public String owner() {
    return owner(entry, true);
  }

  /** The report as plain text: a summary line, then the listing or the first lines. */
  public String toPlainText() {
    StringBuilder text =
        new StringBuilder(entry.path()).append('\n').append(summary()).append('\n');
    if (entry.isDirectory()) {
      text.append(listing(""));
    } else if (!lines.isEmpty()) {
      lines.forEach(line -> text.append("  ").append(line).append('\n'));
      text.append(moreLines ? "  …\n" : "");
    }
    return text.toString();
  }

  /** The report as Markdown: the path in bold, the summary, then a code block. */
  public String toMarkdown() {
    StringBuilder text =
        new StringBuilder("**`").append(entry.path()).append("`**\n\n").append(summary());
    if (entry.isDirectory() && !children.isEmpty()) {
      text.append("\n\n```\n").append(listing("")).append("```");
    } else if (!lines.isEmpty()) {
      text.append("\n\n```\n");
      lines.forEach(line -> text.append(line).append('\n'));
      text.append(moreLines ? "…\n" : "").append("```");
    }
    return text.append('\n').toString();
  }

  private String summary() {
    StringBuilder text =
        new StringBuilder(kind())
            .append(", ")
            .append(entry.modeString())
            .append(String.format(" (%04o)", entry.mode()))
            .append(", owner ")
            .append(owner())
            .append(entry.isFile() ? ", " + ByteSizes.format(entry.size()) : "")
            .append(", modified ")
            .append(TIME.format(entry.modified()));
    if (!entry.linkTarget().isEmpty()) {
      text.append(", -> ").append(entry.linkTarget());
    }
    if (binary) {
      text.append(" (binary)");
    }
    return text.toString();
  }

  private String kind() {
    switch (entry.type()) {
      case FILE:
        return "file";
      case DIRECTORY:
        return "directory of " + (children.size() + moreChildren) + " entries";
      case SYMLINK:
        return "symbolic link";
      case CHAR_DEVICE:
        return "character device";
      case BLOCK_DEVICE:
        return "block device";
      case FIFO:
        return "named pipe";
      default:
        return "socket";
    }
  }

  private String listing(String indent) {
    StringBuilder text = new StringBuilder();
    for (FileEntry child : children) {
      text.append(indent)
          .append(
              String.format(
                  "%s %-13s %8s %s %s%s%n",
                  child.modeString(),
                  owner(child, false),
                  child.isFile() ? ByteSizes.format(child.size()) : "",
                  TIME.format(child.modified()),
                  child.name(),
                  child.linkTarget().isEmpty() ? "" : " -> " + child.linkTarget()));
    }
    if (moreChildren > 0) {
      text.append(indent).append("… and ").append(moreChildren).append(" more\n");
    }
    return text.toString();
  }

  private String owner(FileEntry file, boolean withIds) {
    String user = users.get(file.uid());
    String group = groups.get(file.gid());
    String ids = file.uid() + ":" + file.gid();
    if (user == null && group == null) {
      return ids;
    }
    String names =
        (user == null ? Integer.toString(file.uid()) : user)
            + ":"
            + (group == null ? Integer.toString(file.gid()) : group);
    return withIds ? names + " (" + ids + ")" : names;
  }
}
