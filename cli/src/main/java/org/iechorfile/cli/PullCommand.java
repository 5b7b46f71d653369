package org.iechorfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.iechorfile.engine.ByteSizes;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.images.ImageUnavailable;
import org.iechorfile.engine.images.LocalImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iechorfile pull REF}: pulls an image into the store. */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    description = "Pull an image from its registry (or the configured mirror) into the store.")
final class PullCommand implements Callable<Integer> {

  private final Launch launch;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "REF", description = "The image, such as busybox or python:3.12.")
  String reference;

  PullCommand(Launch launch) {
    this.launch = launch;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    out.println("pulling " + reference);
    out.flush();
    try {
      LocalImage image =
          launch
              .workspace()
              .images()
              .pull(
                  reference,
                  Platform.LINUX_AMD64,
                  (blob, done, total) -> {
                    if (done >= total) {
                      out.println(
                          "  "
                              + blob.digest().toString().substring(0, 19)
                              + " "
                              + ByteSizes.format(total));
                      out.flush();
                    }
                  });
      out.println("pulled " + image.reference() + " " + image.manifest());
      out.flush();
      return ExitCodes.OK;
    } catch (ImageUnavailable e) {
      err.println("iechorfile: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }
}
