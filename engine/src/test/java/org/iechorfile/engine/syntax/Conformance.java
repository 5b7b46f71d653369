package org.iechorfile.engine.syntax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Access to the BuildKit conformance vectors named by the {@code conformance.dir} property. */
final class Conformance {

  private Conformance() {}

  /** The vectors' root directory; fails (never skips) when the property is missing. */
  static Path root() {
    String dir = System.getProperty("conformance.dir");
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException(
          "system property conformance.dir is not set; run the tests through Maven (Surefire"
              + " passes it) or pass -Dconformance.dir=<path to shared/conformance/buildkit>");
    }
    Path root = Path.of(dir);
    if (!Files.isDirectory(root.resolve("parser"))) {
      throw new IllegalStateException(
          "conformance.dir=" + dir + " has no parser/ directory; point it at the BuildKit vectors");
    }
    return root;
  }

  /** The case directories under {@code parser/<group>}, sorted by name. */
  static List<Path> cases(String group) {
    try (Stream<Path> dirs = Files.list(root().resolve("parser").resolve(group))) {
      return dirs.filter(Files::isDirectory).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file's bytes decoded as UTF-8. */
  static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
