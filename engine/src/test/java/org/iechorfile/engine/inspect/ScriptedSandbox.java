package org.iechorfile.engine.inspect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.spi.Sandbox;
import org.iechorfile.engine.spi.SandboxOutput;
import org.iechorfile.engine.spi.SandboxRequest;
import org.iechorfile.engine.spi.SandboxResult;

/**
 * A sandbox that carries out a tiny script on the upper directory instead of running anything:
 * {@code write PATH TEXT}, {@code bytes PATH N}, {@code rm PATH} (an overlay whiteout), {@code
 * fail} (exit 1), separated by {@code ;}.
 */
final class ScriptedSandbox implements Sandbox {

  @Override
  public List<String> missingPrerequisites() {
    return List.of();
  }

  @Override
  public SandboxResult run(
      SandboxRequest request, SandboxOutput output, Cancellation cancellation) {
    String script = request.argv().get(request.argv().size() - 1);
    int exit = 0;
    try {
      for (String command : script.split(";")) {
        String[] words = command.strip().split(" ", 3);
        switch (words[0]) {
          case "write" -> write(request.upperDirectory(), words[1], words[2].getBytes());
          case "bytes" ->
              write(request.upperDirectory(), words[1], new byte[Integer.parseInt(words[2])]);
          case "rm" -> whiteout(request.upperDirectory().resolve(words[1].substring(1)));
          case "fail" -> exit = 1;
          default -> throw new IllegalArgumentException("unknown command " + words[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new SandboxResult(exit, Duration.ofMillis(1), false);
  }

  private static void write(Path upper, String path, byte[] content) throws IOException {
    Path file = upper.resolve(path.substring(1));
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }

  private static void whiteout(Path node) throws IOException, InterruptedException {
    Files.createDirectories(node.getParent());
    Process mknod = new ProcessBuilder("mknod", node.toString(), "c", "0", "0").start();
    if (mknod.waitFor() != 0) {
      throw new IOException("mknod failed: " + new String(mknod.getErrorStream().readAllBytes()));
    }
  }
}
