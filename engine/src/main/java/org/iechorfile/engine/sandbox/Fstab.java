package org.iechorfile.engine.sandbox;

import java.util.ArrayList;
import java.util.List;
import org.iechorfile.engine.spi.SandboxMount;

/**
 * An fstab for {@code mount --all --fstab}: every mount of one sandbox run, in order, mounted by a
 * single process. Fields are escaped as fstab(5) requires.
 */
final class Fstab {

  private final List<String[]> entries = new ArrayList<>();
  private final List<SandboxMount> userMounts = new ArrayList<>();

  void add(String source, String target, String type, String options) {
    entries.add(new String[] {source, target, type, options});
  }

  void add(SandboxMount mount) {
    userMounts.add(mount);
  }

  /** The fstab text; user mounts come last, with targets under {@code root}. */
  String text(java.nio.file.Path root) {
    StringBuilder text = new StringBuilder();
    for (String[] entry : entries) {
      line(text, entry[0], entry[1], entry[2], entry[3]);
    }
    for (SandboxMount mount : userMounts) {
      String target = root + mount.target();
      if (mount instanceof SandboxMount.Bind bind) {
        line(
            text,
            bind.source().toAbsolutePath().toString(),
            target,
            "none",
            bind.readOnly() ? "bind,ro" : "bind");
      } else if (mount instanceof SandboxMount.Tmpfs tmpfs) {
        String size = tmpfs.sizeBytes() > 0 ? ",size=" + tmpfs.sizeBytes() : "";
        line(text, "tmpfs", target, "tmpfs", "nosuid,nodev" + size);
      }
    }
    return text.toString();
  }

  private static void line(StringBuilder text, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        text.append(' ');
      }
      text.append(escape(fields[i]));
    }
    text.append(" 0 0\n");
  }

  private static String escape(String field) {
    StringBuilder out = new StringBuilder(field.length());
    for (char c : field.toCharArray()) {
      switch (c) {
        case ' ' -> out.append("\\040");
        case '\t' -> out.append("\\011");
        case '\n' -> out.append("\\012");
        case '\\' -> out.append("\\134");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
