package org.iechorfile.engine.session;

import java.util.Arrays;
import java.util.List;
import org.iechorfile.engine.testing.ExternalTools;

/** {@code buildah run} of {@code true} in a busybox container, as a reference for RUN steps. */
final class Buildah {

  private Buildah() {}

  /** The median milliseconds of {@code buildah run --isolation chroot CTR true}. */
  static double runTrue(String registryHost, int runs) throws Exception {
    ExternalTools.require("buildah", "buildah");
    String container =
        ExternalTools.run(
                List.of(
                    "buildah",
                    "from",
                    "--tls-verify=false",
                    "--pull=always",
                    registryHost + "/library/busybox:latest"))
            .strip();
    try {
      double[] times = new double[runs];
      for (int i = -2; i < runs; i++) {
        long start = System.nanoTime();
        ExternalTools.run(List.of("buildah", "run", "--isolation", "chroot", container, "true"));
        if (i >= 0) {
          times[i] = (System.nanoTime() - start) / 1e6;
        }
      }
      Arrays.sort(times);
      return times[runs / 2];
    } finally {
      ExternalTools.run(List.of("buildah", "rm", container));
    }
  }
}
