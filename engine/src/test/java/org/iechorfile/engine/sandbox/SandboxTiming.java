package org.iechorfile.engine.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.spi.SandboxException;
import org.iechorfile.engine.spi.SandboxOutput;
import org.iechorfile.engine.spi.SandboxRequest;
import org.iechorfile.engine.tar.OverlayNamespace;

/**
 * Times {@code RUN true} through the sandbox and the raw floor ({@code unshare} + overlay mount +
 * {@code chroot ROOT /bin/true} from a shell) on a busybox layer, in this process's namespace: as
 * root for {@link SandboxBenchmark}, and as its {@code main} inside {@code unshare --user
 * --map-root-user --map-auto} run by an ordinary user, for the rootless figures.
 */
final class SandboxTiming {

  private final Path dir;
  private final Path layers;
  private final LinuxSandbox sandbox = new LinuxSandbox(Clock.systemUTC());
  private int fresh;

  private SandboxTiming(Path dir) throws IOException {
    this.dir = dir;
    this.layers = Files.createDirectories(dir.resolve("layers"));
    Path base = Files.createDirectories(layers.resolve("1/bin"));
    Files.copy(Path.of("/bin/busybox"), base.resolve("busybox"));
    for (String applet : List.of("sh", "true")) {
      Files.createSymbolicLink(base.resolve(applet), Path.of("busybox"));
    }
    Files.createDirectories(layers.resolve("1/proc"));
  }

  /** The medians, in milliseconds. */
  record Medians(double sandbox, double floor) {}

  /** Times {@code runs} of each (after 5 warm-up runs) in an empty directory {@code dir}. */
  static Medians measure(Path dir, int runs) throws Exception {
    SandboxTiming timing = new SandboxTiming(dir);
    double[] ours = new double[runs];
    double[] floor = new double[runs];
    for (int i = -5; i < runs; i++) {
      long t0 = System.nanoTime();
      timing.runTrue();
      long t1 = System.nanoTime();
      timing.rawFloor();
      long t2 = System.nanoTime();
      if (i >= 0) {
        ours[i] = (t1 - t0) / 1e6;
        floor[i] = (t2 - t1) / 1e6;
      }
    }
    return new Medians(median(ours), median(floor));
  }

  /** Arguments: an empty directory to work in, and the number of runs; prints the two medians. */
  public static void main(String[] args) throws Exception {
    Medians medians = measure(Path.of(args[0]), Integer.parseInt(args[1]));
    System.out.println("sandbox " + medians.sandbox());
    System.out.println("floor " + medians.floor());
  }

  private void runTrue() throws Exception {
    var result =
        sandbox.run(
            new SandboxRequest(
                layers,
                List.of("1"),
                fresh(),
                fresh(),
                List.of("/bin/true"),
                List.of("PATH=/bin"),
                "/",
                0,
                0,
                "box",
                true,
                List.of()),
            new Discard(),
            new Cancellation());
    if (!result.succeeded()) {
      throw new SandboxException("RUN true failed with status " + result.exitCode());
    }
  }

  private void rawFloor() throws Exception {
    String options = OverlayNamespace.current() == OverlayNamespace.USER ? ",userxattr" : "";
    Process p =
        new ProcessBuilder(
                "unshare",
                "--mount",
                "--pid",
                "--fork",
                "--propagation",
                "private",
                "sh",
                "-ec",
                "cd \"$1\"; mount -t overlay overlay -o lowerdir=1,upperdir=$2,workdir=$3"
                    + options
                    + " $4; chroot $4 /bin/true",
                "floor",
                layers.toString(),
                fresh().toString(),
                fresh().toString(),
                fresh().toString())
            .inheritIO()
            .start();
    if (p.waitFor() != 0) {
      throw new IOException("the floor's unshare + overlay + chroot failed");
    }
  }

  private Path fresh() throws IOException {
    return Files.createDirectory(dir.resolve("d" + fresh++));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** Drops the command's output (there is none). */
  private static final class Discard implements SandboxOutput {
    @Override
    public void stdout(String text) {}

    @Override
    public void stderr(String text) {}
  }
}
