package org.iechorfile.engine.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.spi.SandboxRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code RUN true} through the sandbox, side by side with the raw floor: {@code unshare} + overlay
 * mount + {@code chroot ROOT /bin/true} from a shell, on the same busybox layer.
 */
@Tag("benchmark")
class SandboxBenchmark {

  private static final int RUNS = 40;

  @TempDir Path dir;

  @Test
  void runTrue_againstTheRawFloor() throws Exception {
    Path layers = Files.createDirectories(dir.resolve("layers"));
    Path base = Files.createDirectories(layers.resolve("1/bin"));
    Files.copy(Path.of("/bin/busybox"), base.resolve("busybox"));
    for (String applet : List.of("sh", "true")) {
      Files.createSymbolicLink(base.resolve(applet), Path.of("busybox"));
    }
    Files.createDirectories(layers.resolve("1/proc"));
    LinuxSandbox sandbox = new LinuxSandbox(Clock.systemUTC());

    double[] ours = new double[RUNS];
    double[] floor = new double[RUNS];
    for (int i = -5; i < RUNS; i++) {
      Path upper = fresh("upper" + i);
      Path work = fresh("work" + i);
      long t0 = System.nanoTime();
      var result =
          sandbox.run(
              new SandboxRequest(
                  layers,
                  List.of("1"),
                  upper,
                  work,
                  List.of("/bin/true"),
                  List.of("PATH=/bin"),
                  "/",
                  0,
                  0,
                  "box",
                  true,
                  List.of()),
              new LinuxSandboxIT.Recorder(),
              new Cancellation());
      long t1 = System.nanoTime();
      assertTrue(result.succeeded());
      long t2 = System.nanoTime();
      rawFloor(layers, fresh("fu" + i), fresh("fw" + i), fresh("fm" + i));
      long t3 = System.nanoTime();
      if (i >= 0) {
        ours[i] = (t1 - t0) / 1e6;
        floor[i] = (t3 - t2) / 1e6;
      }
    }
    double o = median(ours);
    double f = median(floor);
    System.out.printf(
        "%nRUN true (median of %d)%n  %-44s %8.1f ms%n  %-44s %8.1f ms%n  ratio %.2fx%n",
        RUNS, "iechorfile sandbox", o, "floor: unshare + overlay + chroot /bin/true", f, o / f);
  }

  private static void rawFloor(Path layers, Path upper, Path work, Path merged) throws Exception {
    List<String> argv =
        new ArrayList<>(
            List.of(
                "unshare",
                "--mount",
                "--pid",
                "--fork",
                "--propagation",
                "private",
                "sh",
                "-ec",
                "cd \"$1\"; mount -t overlay overlay -o lowerdir=1,upperdir=$2,workdir=$3 $4;"
                    + " chroot $4 /bin/true",
                "floor",
                layers.toString(),
                upper.toString(),
                work.toString(),
                merged.toString()));
    Process p = new ProcessBuilder(argv).inheritIO().start();
    assertEquals(0, p.waitFor());
  }

  private Path fresh(String name) throws IOException {
    return Files.createDirectory(dir.resolve(name));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
