package org.iechorfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.iechorfile.engine.ByteSizes;
import org.iechorfile.engine.command.CommandResult;
import org.iechorfile.engine.store.ImageSummary;
import org.iechorfile.repl.ResultPrinter;
import org.iechorfile.repl.Styles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code iechorfile images}: the images in the store. */
@Command(
    name = "images",
    mixinStandardHelpOptions = true,
    description = "List the images in the store.")
final class ImagesCommand implements Callable<Integer> {

  private final Launch launch;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  ImagesCommand(Launch launch) {
    this.launch = launch;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<ImageSummary> images = launch.workspace().store().images();
    if (images.isEmpty()) {
      out.println("no images in the store; pull one with: iechorfile pull busybox");
      out.flush();
      return ExitCodes.OK;
    }
    List<List<String>> rows = new ArrayList<>();
    for (ImageSummary image : images) {
      rows.add(
          List.of(
              image.name(),
              image.manifest().toString().substring(0, 19),
              ByteSizes.format(image.size()),
              image.complete() ? "" : "incomplete"));
    }
    new ResultPrinter(out, Styles.plain())
        .print(new CommandResult.Table(List.of("NAME", "MANIFEST", "SIZE", ""), rows));
    return ExitCodes.OK;
  }
}
