package org.iechorfile.engine.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.registry.CredentialSource;
import org.iechorfile.engine.store.Store;
import org.iechorfile.engine.tar.OverlayNamespace;
import org.iechorfile.engine.testing.DebianMinbase;
import org.iechorfile.engine.testing.ExternalTools;
import org.iechorfile.engine.testing.RegistryExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cold pull and unpack of a Debian minbase image from the loopback registry, side by side with
 * {@code skopeo copy} + {@code umoci unpack} of the same image.
 */
@Tag("benchmark")
class PullBenchmark {

  private static final int RUNS = 3;

  @RegisterExtension static final RegistryExtension REGISTRY = RegistryExtension.open();

  @TempDir Path dir;

  @Test
  void coldPull_againstSkopeoAndUmoci() throws Exception {
    DebianMinbase image = DebianMinbase.image();
    image.pushTo(
        REGISTRY.client(CredentialSource.ANONYMOUS), REGISTRY.reference("library/debian:minbase"));
    ExternalTools.require("skopeo", "skopeo");
    ExternalTools.require("umoci", "umoci");
    double[] ours = new double[RUNS];
    double[] theirs = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      Path home = Files.createDirectory(dir.resolve("home" + i));
      ImageLibrary library =
          new ImageLibrary(Store.open(home, OverlayNamespace.TRUSTED), REGISTRY.hubMirrorClient());
      long t0 = System.nanoTime();
      LocalImage local = library.pull("debian:minbase", Platform.LINUX_AMD64, (b, d, t) -> {});
      ours[i] = (System.nanoTime() - t0) / 1e9;
      assertEquals(1, local.layers().size());

      Path layout = dir.resolve("oci" + i);
      Path bundle = dir.resolve("bundle" + i);
      long t1 = System.nanoTime();
      run(
          "skopeo",
          "copy",
          "--src-tls-verify=false",
          "docker://" + REGISTRY.host() + "/library/debian:minbase",
          "oci:" + layout + ":minbase");
      run("umoci", "unpack", "--image", layout + ":minbase", bundle.toString());
      theirs[i] = (System.nanoTime() - t1) / 1e9;
    }
    double o = median(ours);
    double t = median(theirs);
    System.out.printf(
        "%nCold pull + unpack of Debian minbase (%d files, %.1f MB gzipped), median of %d%n"
            + "  %-36s %7.2f s%n  %-36s %7.2f s%n  ratio (ours / theirs) %.2f%n",
        image.fileCount(),
        image.layerSize() / 1e6,
        RUNS,
        "iechorfile pull",
        o,
        "skopeo copy + umoci unpack",
        t,
        o / t);
  }

  private static void run(String... argv) throws Exception {
    List<String> command = new ArrayList<>(Arrays.asList(argv));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
