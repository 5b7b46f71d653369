package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.iechorfile.engine.registry.CredentialSource;
import org.iechorfile.engine.testing.RegistryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT) during {@code iechorfile build} stops the running RUN and ends the build. */
@Timeout(120)
class BuildInterruptIT {

  @RegisterExtension static final RegistryExtension REGISTRY = RegistryExtension.open();

  @TempDir Path home;
  @TempDir Path context;

  @Test
  void sigint_duringRun_killsTheStepAndEndsTheBuild() throws Exception {
    REGISTRY.pushBusybox(CredentialSource.ANONYMOUS);
    Path jar = Path.of("target", "iechorfile.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      fail(jar + " is missing; run the integration tests through Maven's verify phase");
    }
    Files.writeString(context.resolve("iEchorfile"), "FROM busybox\nRUN sleep 3072\n");
    ProcessBuilder builder =
        new ProcessBuilder("java", "-jar", jar.toString(), "build", context.toString())
            .redirectErrorStream(true);
    builder.environment().put("IECHOR_HOME", home.toString());
    builder.environment().put("IECHOR_REGISTRY_MIRROR", "docker.io=" + REGISTRY.uri());
    Process build = builder.start();
    CountDownLatch running = new CountDownLatch(1);
    StringBuffer output = new StringBuffer();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(build.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  output.append(line).append('\n');
                  if (line.contains("RUN sleep 3072")) {
                    running.countDown();
                  }
                }
              } catch (java.io.IOException e) {
                output.append(e);
              }
            });
    reader.start();
    assertTrue(running.await(60, TimeUnit.SECONDS), "the RUN never started:\n" + output);
    Thread.sleep(500);
    long start = System.nanoTime();
    new ProcessBuilder("kill", "-INT", Long.toString(build.pid())).start().waitFor();
    assertTrue(build.waitFor(10, TimeUnit.SECONDS), "the build went on after Ctrl-C:\n" + output);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "took " + took);
    assertTrue(build.exitValue() != 0, "an interrupted build does not succeed");
    Process left = new ProcessBuilder("pgrep", "-f", "sleep 3072").start();
    String pids = new String(left.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    left.waitFor();
    assertEquals("", pids, "the RUN's processes were left behind");
  }
}
