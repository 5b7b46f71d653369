package org.iechorfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.iechorfile.engine.ByteSizes;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.images.ImagePush;
import org.iechorfile.engine.images.ImageUnavailable;
import org.iechorfile.engine.session.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iechorfile push NAME REF}: pushes an image of the store to a registry. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = "Push an image that is in the store (see: iechorfile images) to a registry.")
final class PushCommand implements Callable<Integer> {

  private final Launch launch;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "NAME", description = "The image's name in the store.")
  String name;

  @Parameters(
      index = "1",
      paramLabel = "REF",
      description = "Where to push it, such as registry.example/team/app:1.0.")
  String target;

  PushCommand(Launch launch) {
    this.launch = launch;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Workspace workspace = launch.workspace();
    try {
      Digest digest =
          new ImagePush(workspace.store(), workspace.registry())
              .push(
                  name,
                  target,
                  (blob, uploaded) -> {
                    out.println(
                        "  "
                            + blob.digest().toString().substring(0, 19)
                            + " "
                            + ByteSizes.format(blob.size())
                            + (uploaded ? " pushed" : " already there"));
                    out.flush();
                  });
      out.println("pushed " + name + " to " + target + " " + digest);
      out.flush();
      return ExitCodes.OK;
    } catch (ImageUnavailable e) {
      err.println("iechorfile: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }
}
