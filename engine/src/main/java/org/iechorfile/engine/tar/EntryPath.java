package org.iechorfile.engine.tar;

import java.util.ArrayList;
import java.util.List;

/**
 * A tar entry name made safe: relative, without {@code .} or empty components, and refused if it is
 * absolute or has a {@code ..} component. The empty path is the layer's root.
 *
 * @param components the path components, each a plain file name
 */
record EntryPath(List<String> components) {

  EntryPath {
    components = List.copyOf(components);
  }

  /**
   * Parses an entry name as tar writes it ({@code ./etc/passwd}, {@code etc/}, {@code ./}).
   *
   * @throws UnsafeLayerException when the name is absolute, contains {@code ..} or a NUL
   */
  static EntryPath parse(String name) throws UnsafeLayerException {
    if (name.startsWith("/")) {
      throw new UnsafeLayerException(
          "the layer has an entry with an absolute path, '" + name + "', which is not allowed");
    }
    if (name.indexOf('\0') >= 0) {
      throw new UnsafeLayerException("the layer has an entry name containing a NUL byte");
    }
    List<String> parts = new ArrayList<>();
    for (String part : name.split("/")) {
      if (part.equals("..")) {
        throw new UnsafeLayerException(
            "the layer has an entry '"
                + name
                + "' that climbs out with '..', which is not allowed");
      }
      if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return new EntryPath(parts);
  }

  boolean isRoot() {
    return components.isEmpty();
  }

  /** The last component; the root has none. */
  String fileName() {
    return components.isEmpty() ? "" : components.get(components.size() - 1);
  }

  /** The containing directory; the root is its own parent. */
  EntryPath parent() {
    return components.isEmpty()
        ? this
        : new EntryPath(components.subList(0, components.size() - 1));
  }

  /** A sibling or child named {@code name} in this directory. */
  EntryPath child(String name) {
    List<String> parts = new ArrayList<>(components);
    parts.add(name);
    return new EntryPath(parts);
  }

  @Override
  public String toString() {
    return components.isEmpty() ? "/" : String.join("/", components);
  }
}
