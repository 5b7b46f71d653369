package org.iechorfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.iechorfile.engine.ByteSizes;
import org.iechorfile.engine.session.GcSummary;
import org.iechorfile.engine.session.LayerCollection;
import org.iechorfile.engine.session.Pruning;
import org.iechorfile.engine.store.GcReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code iechorfile gc}: removes the session layers no open session and no build-cache record uses,
 * then the blobs and snapshots no image name or cache record refers to.
 */
@Command(
    name = "gc",
    mixinStandardHelpOptions = true,
    description = {
      "Remove session layers that no open session or build-cache record uses, and blobs and"
          + " layer snapshots that no image, cache record or open session uses.",
      "Open sessions (REPLs, kernels, builds) in other processes keep working."
    })
final class GcCommand implements Callable<Integer> {

  private final Launch launch;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = "--grace",
      paramLabel = "MINUTES",
      defaultValue = "10",
      description =
          "Keep blobs and snapshots written in the last MINUTES (default: ${DEFAULT-VALUE}).")
  long graceMinutes;

  @Option(
      names = {"--cache", "--all"},
      description =
          "Forget the whole build cache first, so that only open sessions and named images keep"
              + " layers.")
  boolean dropCache;

  @Option(
      names = "--keep-storage",
      paramLabel = "SIZE",
      converter = StorageSize.class,
      description =
          "Forget the least recently used build-cache records until the layers the cache keeps fit"
              + " in SIZE (for example 2GB, 500MB, 1.5GiB).")
  long keepStorage = Pruning.NO_LIMIT;

  GcCommand(Launch launch) {
    this.launch = launch;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (graceMinutes < 0) {
      spec.commandLine()
          .getErr()
          .println("iechorfile gc: --grace must not be negative (it is " + graceMinutes + ")");
      return ExitCodes.USAGE;
    }
    GcSummary summary =
        launch
            .workspace()
            .collectGarbage(new Pruning(dropCache, keepStorage, Duration.ofMinutes(graceMinutes)));
    LayerCollection layers = summary.layers();
    out.println(
        "removed "
            + count(layers.layersRemoved(), "session layer")
            + " and "
            + count(layers.cacheRecordsDropped(), "build-cache record")
            + "; freed "
            + ByteSizes.format(layers.bytesFreed()));
    if (dropCache) {
      out.println(
          "removed "
              + count(layers.cacheMountsRemoved(), "RUN cache mount")
              + (layers.cacheMountsInUse() == 0
                  ? ""
                  : "; kept "
                      + layers.cacheMountsInUse()
                      + " that a running step has mounted (run gc --cache again when it is done)"));
    }
    if (layers.sessionsCleared() > 0 || layers.draftsRemoved() > 0) {
      out.println(
          "cleared "
              + count(layers.sessionsCleared(), "session")
              + " and "
              + count(layers.draftsRemoved(), "unfinished step")
              + " left by processes that ended without closing them");
    }
    GcReport store = summary.store();
    out.println(
        "removed "
            + store.blobsRemoved()
            + " blobs and "
            + store.snapshotsRemoved()
            + " layer snapshots; freed "
            + ByteSizes.format(store.bytesFreed()));
    out.flush();
    return ExitCodes.OK;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
