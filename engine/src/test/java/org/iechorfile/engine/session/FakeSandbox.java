package org.iechorfile.engine.session;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.spi.Sandbox;
import org.iechorfile.engine.spi.SandboxOutput;
import org.iechorfile.engine.spi.SandboxRequest;
import org.iechorfile.engine.spi.SandboxResult;

/**
 * A sandbox that runs nothing: it records each request, prints the command, writes one file named
 * after the step into the upper directory, and exits with the configured code.
 */
final class FakeSandbox implements Sandbox {

  final List<SandboxRequest> requests = new ArrayList<>();
  int exitCode;

  @Override
  public List<String> missingPrerequisites() {
    return List.of();
  }

  @Override
  public SandboxResult run(
      SandboxRequest request, SandboxOutput output, Cancellation cancellation) {
    requests.add(request);
    output.stdout("ran " + request.argv().get(request.argv().size() - 1) + "\n");
    try {
      Files.writeString(request.upperDirectory().resolve("step-" + requests.size()), "x");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new SandboxResult(exitCode, Duration.ofMillis(1), false);
  }
}
