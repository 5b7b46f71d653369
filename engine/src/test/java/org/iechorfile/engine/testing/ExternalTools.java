package org.iechorfile.engine.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Finds and runs the Debian programs the integration tests use; a missing one fails the test. */
public final class ExternalTools {
  private ExternalTools() {}

  /**
   * The absolute path of {@code program} on the PATH.
   *
   * @throws ExtensionConfigurationException naming the Debian package to install when absent
   */
  public static Path require(String program, String debianPackage) {
    for (String dir :
        System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new ExtensionConfigurationException(
        program
            + " is not installed; the registry integration tests need it. Install the Debian"
            + " package: apt-get install -y "
            + debianPackage);
  }

  /** Runs {@code argv} to completion within a minute and returns its standard output. */
  public static String run(List<String> argv) throws IOException, InterruptedException {
    Path err = Files.createTempFile("tool-", ".err");
    try {
      Process process =
          new ProcessBuilder(argv)
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(argv.get(0) + " did not finish within 60 s");
      }
      if (process.exitValue() != 0) {
        throw new IOException(
            String.join(" ", argv.subList(0, Math.min(2, argv.size())))
                + " failed with exit status "
                + process.exitValue()
                + ": "
                + Files.readString(err).strip());
      }
      return new String(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
