package org.iechorfile.engine.tar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Java NIO cannot do: create device nodes and fifos, and set or read extended attributes
 * outside the {@code user.} namespace. Each operation is batched into one process: a shell loop of
 * coreutils {@code mknod}, {@code chown}, {@code chmod} and {@code touch} calls (paths passed as
 * arguments, never as script text), and one {@code setfattr --restore} or {@code getfattr -R
 * --dump}.
 */
final class SpecialFiles {

  /** Debian packages providing the tools, named in errors when a tool is missing. */
  static final String MKNOD_PACKAGE = "coreutils";

  static final String XATTR_PACKAGE = "attr";

  /**
   * Creates, owns, moulds and dates each node by path: opening a fifo or device to change it, as
   * NIO does, would block or touch hardware.
   */
  private static final String MKNOD_LOOP =
      "set -e; while [ $# -gt 0 ]; do "
          + "if [ \"$3\" = p ]; then mknod -- \"$2\" p; "
          + "else mknod -- \"$2\" \"$3\" \"$4\" \"$5\"; fi; "
          + "chown -h -- \"$6\" \"$2\"; chmod -- \"$1\" \"$2\"; "
          + "touch -h -d \"$7\" -- \"$2\"; "
          + "shift 7; done";

  /** Bytes of arguments per {@code sh} call, well under the kernel's argument limit. */
  private static final int ARGUMENT_BUDGET = 256 * 1024;

  /**
   * A node to create: {@code type} is {@code c}, {@code b} or {@code p}; {@code mode} the
   * permission bits, {@code modified} the modification time.
   */
  record Node(
      Path path, char type, int mode, int major, int minor, int uid, int gid, FileTime modified) {}

  private SpecialFiles() {}

  /** Creates the nodes, in as few processes as the argument limit allows. */
  static void makeNodes(List<Node> nodes) throws IOException {
    List<String> argv = newMknodArgv();
    int budget = 0;
    for (Node node : nodes) {
      String path = node.path().toString();
      argv.add(Integer.toOctalString(node.mode() & 07777));
      argv.add(path);
      argv.add(String.valueOf(node.type()));
      argv.add(String.valueOf(node.major()));
      argv.add(String.valueOf(node.minor()));
      argv.add(node.uid() + ":" + node.gid());
      Instant time = node.modified().toInstant();
      argv.add("@" + time.getEpochSecond() + "." + String.format("%09d", time.getNano()));
      budget += path.length() + 32;
      if (budget > ARGUMENT_BUDGET) {
        NativeTool.run(argv, MKNOD_PACKAGE);
        argv = newMknodArgv();
        budget = 0;
      }
    }
    if (argv.size() > 4) {
      NativeTool.run(argv, MKNOD_PACKAGE);
    }
  }

  private static List<String> newMknodArgv() {
    return new ArrayList<>(List.of("/bin/sh", "-c", MKNOD_LOOP, "mknod-batch"));
  }

  /**
   * Sets extended attributes of any namespace without following symbolic links.
   *
   * @param attributes absolute path to (name to value)
   */
  static void setAttributes(Map<Path, Map<String, byte[]>> attributes) throws IOException {
    if (attributes.isEmpty()) {
      return;
    }
    Path script = Files.createTempFile("iechorfile-xattrs", ".txt");
    try {
      Files.writeString(script, XattrDump.format(attributes), StandardCharsets.UTF_8);
      NativeTool.run(List.of("setfattr", "-h", "--restore=" + script), XATTR_PACKAGE);
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /**
   * Reads the extended attributes of every file under {@code root} (not following symbolic links).
   *
   * @return path relative to {@code root} to (name to value); files without attributes are absent
   */
  static Map<Path, Map<String, byte[]>> readAttributes(Path root) throws IOException {
    return readAttributes(root, "-");
  }

  /**
   * Reads the extended attributes whose names match the regular expression {@code pattern} of every
   * file under {@code root} (not following symbolic links), with one getfattr run.
   *
   * @return path relative to {@code root} (empty for {@code root} itself) to (name to value); files
   *     without matching attributes are absent
   */
  static Map<Path, Map<String, byte[]>> readAttributes(Path root, String pattern)
      throws IOException {
    Path absolute = root.toAbsolutePath().normalize();
    byte[] dump =
        NativeTool.run(
            List.of(
                "getfattr",
                "-R",
                "-P",
                "-h",
                "-d",
                "-m",
                pattern,
                "-e",
                "hex",
                "--absolute-names",
                absolute.toString()),
            XATTR_PACKAGE);
    Map<Path, Map<String, byte[]>> result = new TreeMap<>();
    XattrDump.parse(new String(dump, StandardCharsets.UTF_8))
        .forEach((path, values) -> result.put(absolute.relativize(Path.of(path)), values));
    return result;
  }
}
