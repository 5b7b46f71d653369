package org.iechorfile.engine.tar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The extended-attribute namespace overlayfs reads its own attributes from: {@code trusted.} as the
 * real root, {@code user.} inside a user namespace (mounted with {@code userxattr}, kernel 5.11 and
 * later), where {@code trusted.} attributes cannot be set.
 */
public enum OverlayNamespace {
  /** {@code trusted.overlay.*}: the real root. */
  TRUSTED("trusted."),
  /** {@code user.overlay.*}: root of a user namespace. */
  USER("user.");

  private final String prefix;

  OverlayNamespace(String prefix) {
    this.prefix = prefix;
  }

  /** The attribute prefix, {@code trusted.} or {@code user.}. */
  public String prefix() {
    return prefix;
  }

  /** The attribute that marks an opaque directory, e.g. {@code trusted.overlay.opaque}. */
  public String opaqueAttribute() {
    return prefix + "overlay.opaque";
  }

  /** Whether {@code name} is one of overlayfs's own attributes in this namespace. */
  public boolean isOverlayAttribute(String name) {
    return name.startsWith(prefix + "overlay.");
  }

  /**
   * The namespace for this process: {@link #USER} when it runs in a user namespace (its uid map is
   * not the identity over the whole range), else {@link #TRUSTED}.
   */
  public static OverlayNamespace current() {
    return current(Path.of("/proc/self/uid_map"));
  }

  static OverlayNamespace current(Path uidMap) {
    try {
      List<String> lines = Files.readAllLines(uidMap);
      boolean initial = lines.size() == 1 && lines.get(0).trim().matches("0\\s+0\\s+4294967295");
      return initial ? TRUSTED : USER;
    } catch (IOException e) {
      return TRUSTED;
    }
  }
}
