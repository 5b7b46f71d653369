package org.iechorfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.iechorfile.engine.command.Sizes;
import org.iechorfile.engine.store.GcReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code iechorfile gc}: removes what no image name or cache record refers to. */
@Command(
    name = "gc",
    mixinStandardHelpOptions = true,
    description = "Remove blobs and layer snapshots that no image or build-cache record uses.")
final class GcCommand implements Callable<Integer> {

  private final Launch launch;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = "--grace",
      paramLabel = "MINUTES",
      defaultValue = "10",
      description = "Keep anything written in the last MINUTES (default: ${DEFAULT-VALUE}).")
  long graceMinutes;

  GcCommand(Launch launch) {
    this.launch = launch;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    GcReport report = launch.workspace().store().gc(Duration.ofMinutes(graceMinutes));
    out.println(
        "removed "
            + report.blobsRemoved()
            + " blobs and "
            + report.snapshotsRemoved()
            + " layer snapshots; freed "
            + Sizes.format(report.bytesFreed()));
    out.flush();
    return ExitCodes.OK;
  }
}
