package org.iechorfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.images.ImageArchive;
import org.iechorfile.engine.images.ImageUnavailable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iechorfile load FILE [NAME]}: loads an image archive or layout into the store. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description =
        "Load images from an oci-archive, a docker-archive (docker save) or an OCI layout directory"
            + " into the store.")
final class LoadCommand implements Callable<Integer> {

  private final Launch launch;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "FILE", description = "The archive or layout directory.")
  Path file;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "NAME",
      description = "The name to give the image (default: the name the archive records).")
  String name;

  LoadCommand(Launch launch) {
    this.launch = launch;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path source = launch.directory().resolve(file);
    if (!Files.exists(source)) {
      err.println("iechorfile: " + source + ": no such file or directory");
      return ExitCodes.FAILED;
    }
    try {
      List<ImageArchive.Loaded> loaded =
          new ImageArchive(launch.workspace().store())
              .load(source, Optional.ofNullable(name), Platform.LINUX_AMD64);
      for (ImageArchive.Loaded image : loaded) {
        out.println("loaded " + image.name() + " " + image.manifest());
      }
      out.flush();
      return ExitCodes.OK;
    } catch (ImageUnavailable e) {
      err.println("iechorfile: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }
}
