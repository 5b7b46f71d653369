package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.iechorfile.engine.registry.CredentialSource;
import org.iechorfile.engine.testing.RegistryExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** pull, images, push and build through the command line, against a local registry. */
@Timeout(120)
class CliRegistryIT {

  @RegisterExtension static final RegistryExtension REGISTRY = RegistryExtension.open();

  @TempDir Path home;
  @TempDir Path dir;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeAll
  static void pushBusybox() throws Exception {
    REGISTRY.pushBusybox(CredentialSource.ANONYMOUS);
  }

  private int run(Path store, String... args) {
    out = new StringWriter();
    err = new StringWriter();
    Launch launch =
        new Launch(
            Map.of(
                "IECHOR_HOME", store.toString(),
                "HOME", dir.toString(),
                "IECHOR_REGISTRY_MIRROR", "docker.io=" + REGISTRY.uri()),
            new ByteArrayInputStream(new byte[0]),
            false,
            dir);
    CommandLine line = RootCommand.commandLine(launch);
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    return line.execute(args);
  }

  @Test
  void pullImagesPush_roundTripThroughTheRegistry() {
    Path first = home.resolve("first");
    assertEquals(0, run(first, "pull", "busybox"), err::toString);
    assertTrue(out.toString().startsWith("pulling busybox\n"), out::toString);
    assertTrue(
        out.toString().contains("pulled docker.io/library/busybox:latest sha256:"), out::toString);
    assertEquals(0, run(first, "images"));
    assertTrue(out.toString().contains("docker.io/library/busybox:latest"), out::toString);
    String copy = REGISTRY.host() + "/copies/busybox:1";
    assertEquals(0, run(first, "push", "busybox", copy), err::toString);
    assertTrue(out.toString().contains("pushed busybox to " + copy + " sha256:"), out::toString);
    Path second = home.resolve("second");
    assertEquals(0, run(second, "pull", copy), err::toString);
  }

  @Test
  void push_unknownName_saysHowToFindNames() {
    assertEquals(1, run(home.resolve("empty"), "push", "nothing", REGISTRY.host() + "/x:1"));
    assertEquals(
        "iechorfile: no image nothing:latest in the store; see the names with: iechorfile images, or"
            + " pull it first\n",
        err.toString());
  }

  @Test
  void pull_unknownImage_exitsOne() {
    assertEquals(1, run(home.resolve("empty"), "pull", "nosuchimage"));
    assertTrue(err.toString().startsWith("iechorfile: "), err::toString);
  }

  @Test
  void build_busyboxWithRun_builds() throws Exception {
    Files.writeString(
        dir.resolve("iEchorfile"), "FROM busybox\nRUN echo built > /built.txt && cat /built.txt\n");
    assertEquals(0, run(home.resolve("build"), "build", "--progress", "plain", "."), err::toString);
    assertTrue(out.toString().contains("built\n"), out::toString);
    assertTrue(out.toString().contains("built 2 steps in "), out::toString);
  }
}
