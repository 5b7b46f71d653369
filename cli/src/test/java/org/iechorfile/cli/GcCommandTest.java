package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(60)
class GcCommandTest {

  @TempDir Path home;
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void context() throws IOException {
    Files.writeString(dir.resolve("hello.txt"), "hi\n");
  }

  private int run(String stdin, String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    Launch launch =
        new Launch(
            Map.of("IECHOR_HOME", home.toString(), "HOME", dir.toString()),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            false,
            dir);
    CommandLine line = RootCommand.commandLine(launch);
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    return line.execute(args);
  }

  private List<Path> layerDirectories() throws IOException {
    Path layers = home.resolve("session/layers");
    if (!Files.isDirectory(layers)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(layers)) {
      return list.filter(Files::isDirectory).toList();
    }
  }

  @Test
  void gc_cachedLayer_keptUntilCacheOptionDropsIt() throws IOException {
    assertEquals(0, run("FROM scratch\nCOPY hello.txt /hello.txt\n", "repl"), err::toString);
    assertEquals(1, layerDirectories().size(), "the cache keeps the COPY layer");

    assertEquals(0, run("", "gc"), err::toString);
    assertEquals(
        "removed 0 session layers and 0 build-cache records; freed 0 B\n"
            + "removed 0 blobs and 0 layer snapshots; freed 0 B\n",
        out.toString());
    assertEquals(1, layerDirectories().size());

    assertEquals(0, run("", "gc", "--cache"), err::toString);
    assertEquals(
        "removed 1 session layer and 1 build-cache record; freed 3 B\n"
            + "removed 0 RUN cache mounts\n"
            + "removed 0 blobs and 0 layer snapshots; freed 0 B\n",
        out.toString());
    assertEquals(List.of(), layerDirectories());
  }

  @Test
  void gc_cacheWhileASessionIsOpen_removesTheRunCacheMountsNoStepHasMounted() throws IOException {
    Path mount = Files.createDirectories(home.resolve("session/mounts/cache/0123abcd"));
    try (org.iechorfile.engine.session.Session open =
        org.iechorfile.engine.session.Workspace.fromEnvironment(
                Map.of("IECHOR_HOME", home.toString()))
            .newSession()
            .build()) {
      assertEquals(0, run("", "gc", "--cache"), err::toString);
      assertEquals(List.of(), open.steps(), "the open session is left as it was");
    }

    assertTrue(out.toString().contains("removed 1 RUN cache mount\n"), out::toString);
    assertFalse(Files.exists(mount));
  }

  @Test
  void gc_keepStorage_dropsRecordsUntilTheCacheFits() throws IOException {
    assertEquals(0, run("FROM scratch\nCOPY hello.txt /hello.txt\n", "repl"), err::toString);

    assertEquals(0, run("", "gc", "--keep-storage", "1kB"), err::toString);
    assertEquals(1, layerDirectories().size(), "3 B fit in 1 kB");
    assertEquals(0, run("", "gc", "--keep-storage", "2"), err::toString);
    assertTrue(
        out.toString().startsWith("removed 1 session layer and 1 build-cache record; freed 3 B\n"),
        out::toString);
    assertEquals(List.of(), layerDirectories());
  }

  @Test
  void repl_exitingWithTheCacheOff_leavesNoLayers() throws IOException {
    assertEquals(
        0, run("FROM scratch\n%cache off\nCOPY hello.txt /hello.txt\n", "repl"), err::toString);

    assertEquals(List.of(), layerDirectories());
  }

  @Test
  void gc_badSize_isAUsageErrorSayingWhatToWrite() {
    assertEquals(2, run("", "gc", "--keep-storage", "lots"));
    assertTrue(
        err.toString().contains("'lots' is not a size; write a number with B, kB, MB, GB or TB"),
        err::toString);
  }

  @Test
  void storageSize_unitsInThousandsAndIn1024s() {
    StorageSize size = new StorageSize();
    assertEquals(2_000_000_000L, size.convert("2GB"));
    assertEquals(1_610_612_736L, size.convert("1.5GiB"));
    assertEquals(500_000L, size.convert("500 kB"));
    assertEquals(4096L, size.convert("4096"));
    assertEquals(3L << 20, size.convert("3m" + "ib"));
  }

  @Test
  void help_describesTheCacheOptions() {
    assertEquals(0, run("", "gc", "--help"));
    String help = out.toString();
    assertTrue(help.contains("--all, --cache"), help);
    assertTrue(help.contains("--keep-storage=SIZE"), help);
  }
}
