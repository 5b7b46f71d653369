package org.iechorfile.engine.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/** Builds layer directories in overlay form for tests: files, links, whiteouts, opaque dirs. */
final class TestLayers {

  private final Path root;
  private int count;

  TestLayers(Path root) {
    this.root = root;
  }

  /** A new empty layer directory. */
  Path layer() throws IOException {
    return Files.createDirectories(root.resolve("layer" + count++));
  }

  static Path file(Path layer, String path, String content) throws IOException {
    Path file = layer.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
    return file;
  }

  static void link(Path layer, String path, String target) throws IOException {
    Path link = layer.resolve(path);
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, Path.of(target));
  }

  static void dir(Path layer, String path) throws IOException {
    Files.createDirectories(layer.resolve(path));
  }

  /** An overlay whiteout (a 0:0 character device) at {@code path}. */
  static void whiteout(Path layer, String path) throws IOException, InterruptedException {
    Path node = layer.resolve(path);
    Files.createDirectories(node.getParent());
    run(List.of("mknod", node.toString(), "c", "0", "0"));
  }

  /** Marks directory {@code path} opaque with {@code trusted.overlay.opaque=y}. */
  static void opaque(Path layer, String path) throws IOException, InterruptedException {
    Path dir = Files.createDirectories(layer.resolve(path));
    run(List.of("setfattr", "-n", "trusted.overlay.opaque", "-v", "y", dir.toString()));
  }

  private static void run(List<String> argv) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertEquals(0, process.waitFor(), argv + ": " + output);
  }
}
