package org.iechorfile.engine.command;

import java.nio.file.Path;
import java.time.Duration;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.images.ImageUnavailable;
import org.iechorfile.engine.session.BaseImages;
import org.iechorfile.engine.session.Session;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.spi.Sandbox;
import org.iechorfile.engine.spi.SandboxOutput;
import org.iechorfile.engine.spi.SandboxRequest;
import org.iechorfile.engine.spi.SandboxResult;

/**
 * Sessions for command tests: a store in a temporary directory, FROM scratch only, and a sandbox
 * that echoes the command and exits 0, or 1 when the command contains {@code false}.
 */
final class ScratchSessions {

  private ScratchSessions() {}

  static Session session(Path home) {
    return Session.builder()
        .home(home)
        .sandbox(new EchoSandbox())
        .images(ScratchSessions::none)
        .build();
  }

  static CommandTarget target(Session session, Path directory) {
    return new CommandTarget(session, Analysis.standalone(), directory);
  }

  private static BaseImages.Image none(
      String reference, org.iechorfile.engine.image.Platform platform, BaseImages.Progress progress)
      throws ImageUnavailable {
    throw new ImageUnavailable(
        ImageUnavailable.Reason.NOT_FOUND, "image " + reference + " not found", null);
  }

  private static final class EchoSandbox implements Sandbox {
    @Override
    public java.util.List<String> missingPrerequisites() {
      return java.util.List.of();
    }

    @Override
    public SandboxResult run(
        SandboxRequest request, SandboxOutput output, Cancellation cancellation) {
      String command = request.argv().get(request.argv().size() - 1);
      output.stdout(command + "\n");
      return new SandboxResult(command.contains("false") ? 1 : 0, Duration.ofMillis(1), false);
    }
  }
}
