package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iechorfile.engine.registry.CredentialSource;
import org.iechorfile.engine.testing.RegistryExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * gc after real builds on busybox: RUN layers with files of other owners and read-only directories
 * stay while the build cache keeps them, go with {@code --cache}, and a build without the cache
 * leaves none; the pulled base image stays throughout.
 */
@Timeout(180)
class GcCommandIT {

  @RegisterExtension static final RegistryExtension REGISTRY = RegistryExtension.open();

  @TempDir Path home;
  @TempDir Path dir;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeAll
  static void pushBusybox() throws Exception {
    REGISTRY.pushBusybox(CredentialSource.ANONYMOUS);
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    Launch launch =
        new Launch(
            Map.of(
                "IECHOR_HOME", home.toString(),
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

  private List<Path> sessionLayers() throws IOException {
    try (Stream<Path> list = Files.list(home.resolve("session/layers"))) {
      return list.filter(Files::isDirectory).toList();
    }
  }

  @Test
  void gc_afterBuilds_keepsWhatTheCacheAndImagesUseAndDropsTheRestOnRequest() throws Exception {
    Files.writeString(
        dir.resolve("iEchorfile"),
        "FROM busybox\n"
            + "RUN mkdir -p /data/ro && echo 12345 > /data/ro/f && chown -R 1000:1000 /data"
            + " && chmod 555 /data/ro\n");
    assertEquals(0, run("build", "--progress", "plain", "."), err::toString);
    assertEquals(1, sessionLayers().size(), "the cache keeps the RUN layer");

    assertEquals(0, run("gc"), err::toString);
    assertEquals(
        "removed 0 session layers and 0 build-cache records; freed 0 B\n"
            + "removed 0 blobs and 0 layer snapshots; freed 0 B\n",
        out.toString());

    assertEquals(0, run("gc", "--cache"), err::toString);
    assertEquals(
        "removed 1 session layer and 1 build-cache record; freed 6 B\n"
            + "removed 0 RUN cache mounts\n"
            + "removed 0 blobs and 0 layer snapshots; freed 0 B\n",
        out.toString());
    assertEquals(List.of(), sessionLayers());
    assertEquals(0, run("images"), err::toString);
    assertTrue(out.toString().contains("docker.io/library/busybox:latest"), out::toString);

    assertEquals(0, run("build", "--no-cache", "--progress", "plain", "."), err::toString);
    assertEquals(List.of(), sessionLayers(), "a build without the cache leaves no layer");
  }
}
