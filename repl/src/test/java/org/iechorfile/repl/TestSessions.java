package org.iechorfile.repl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.command.CommandTarget;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.images.ImageUnavailable;
import org.iechorfile.engine.session.BaseImages;
import org.iechorfile.engine.session.Session;
import org.iechorfile.engine.session.SessionCompletionSource;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.spi.Sandbox;
import org.iechorfile.engine.spi.SandboxOutput;
import org.iechorfile.engine.spi.SandboxRequest;
import org.iechorfile.engine.spi.SandboxResult;

/**
 * Sessions for REPL tests: FROM scratch only, and a sandbox that echoes the command, exits 1 when
 * it contains {@code false}, and writes a file named after the command into the layer.
 */
final class TestSessions {

  private TestSessions() {}

  static Session session(Path home) {
    return Session.builder()
        .home(home)
        .sandbox(new EchoSandbox())
        .images(TestSessions::none)
        .build();
  }

  static CommandTarget target(Session session, Path directory) {
    return new CommandTarget(
        session,
        new Analysis(new SessionCompletionSource(session, List::of, directory)),
        directory);
  }

  private static BaseImages.Image none(
      String reference, Platform platform, BaseImages.Progress progress) throws ImageUnavailable {
    throw new ImageUnavailable(
        ImageUnavailable.Reason.NOT_FOUND,
        "image " + reference + " not found; check the name and tag",
        null);
  }

  private static final class EchoSandbox implements Sandbox {
    @Override
    public List<String> missingPrerequisites() {
      return List.of();
    }

    @Override
    public SandboxResult run(
        SandboxRequest request, SandboxOutput output, Cancellation cancellation) {
      String command = request.argv().get(request.argv().size() - 1);
      output.stdout(command + "\n");
      try {
        java.nio.file.Files.writeString(
            request.upperDirectory().resolve(command.replaceAll("[^A-Za-z0-9]", "_")), command);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return new SandboxResult(command.contains("false") ? 1 : 0, Duration.ofMillis(1), false);
    }
  }
}
