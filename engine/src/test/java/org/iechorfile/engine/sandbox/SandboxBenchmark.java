package org.iechorfile.engine.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iechorfile.engine.testing.UnprivilegedUser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code RUN true} through the sandbox, side by side with the raw floor: {@code unshare} + overlay
 * mount + {@code chroot ROOT /bin/true} from a shell, on the same busybox layer; as root, and as an
 * ordinary user inside {@code unshare --user --map-root-user --map-auto} (as the launcher runs the
 * engine without root).
 */
@Tag("benchmark")
class SandboxBenchmark {

  private static final int RUNS = 40;

  @TempDir Path dir;

  @Test
  void runTrue_asRootAndRootless_againstTheRawFloor() throws Exception {
    SandboxTiming.Medians root =
        SandboxTiming.measure(Files.createDirectory(dir.resolve("root")), RUNS);
    SandboxTiming.Medians rootless = rootless();
    String row = "  %-44s %10.1f ms %10.1f ms%n";
    System.out.printf(
        "%nRUN true (median of %d)%n  %-44s %13s %13s%n", RUNS, "", "root", "rootless");
    System.out.printf(row, "iechorfile sandbox", root.sandbox(), rootless.sandbox());
    System.out.printf(
        row, "floor: unshare + overlay + chroot /bin/true", root.floor(), rootless.floor());
    System.out.printf(
        "  %-44s %12.2fx %12.2fx%n",
        "ratio", root.sandbox() / root.floor(), rootless.sandbox() / rootless.floor());
  }

  /**
   * The same timing run by an ordinary user with subordinate ids, in a user namespace mapped to
   * them, from the test classes staged where that user can read them.
   */
  private static SandboxTiming.Medians rootless() throws Exception {
    UnprivilegedUser user = UnprivilegedUser.withSubordinateIds("iechorfile-it");
    List<Path> classes = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(":")) {
      if (Files.isDirectory(Path.of(entry))) {
        classes.add(Path.of(entry));
      }
    }
    Path stage = UnprivilegedUser.stage(classes);
    Path work = user.newDirectory("iechorfile-bench-");
    try {
      String classpath =
          String.join(
              ":", classes.stream().map(c -> stage.resolve(c.getFileName()).toString()).toList());
      UnprivilegedUser.Result result =
          user.run(
              work,
              Map.of(),
              "",
              600,
              "unshare",
              "--user",
              "--map-root-user",
              "--map-auto",
              "--",
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp",
              classpath,
              SandboxTiming.class.getName(),
              work.resolve("timing").toString(),
              Integer.toString(RUNS));
      assertEquals(0, result.exitCode(), result.output());
      Map<String, Double> figures = new HashMap<>();
      for (String line : result.output().lines().toList()) {
        String[] fields = line.split(" ");
        if (fields.length == 2 && (fields[0].equals("sandbox") || fields[0].equals("floor"))) {
          figures.put(fields[0], Double.parseDouble(fields[1]));
        }
      }
      assertEquals(2, figures.size(), result.output());
      return new SandboxTiming.Medians(figures.get("sandbox"), figures.get("floor"));
    } finally {
      UnprivilegedUser.root("rm", "-rf", "--one-file-system", work.toString(), stage.toString());
    }
  }
}
