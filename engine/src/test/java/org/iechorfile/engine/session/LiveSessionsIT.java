package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session liveness across processes: a lock held by another process keeps that session's layers,
 * the lock of a session here is seen as held by other processes, and a process that dies without
 * closing its session leaves records that the next collection clears. The other process is Python,
 * whose {@code fcntl.lockf} takes the same kind of POSIX record lock as the JVM.
 */
@Timeout(60)
class LiveSessionsIT {

  private static final String HOLD =
      "import fcntl, sys\n"
          + "f = open(sys.argv[1], 'w')\n"
          + "fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
          + "print('held', flush=True)\n"
          + "sys.stdin.read()\n";

  private static final String TRY =
      "import fcntl, sys\n"
          + "f = open(sys.argv[1], 'a')\n"
          + "try:\n"
          + "    fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
          + "    sys.exit(0)\n"
          + "except OSError:\n"
          + "    sys.exit(3)\n";

  @TempDir Path home;

  private static Path python() {
    Path python = Path.of("/usr/bin/python3");
    if (!Files.isExecutable(python)) {
      fail("/usr/bin/python3 is missing: install the Debian package python3 (./run-tests does)");
    }
    return python;
  }

  private static Process start(String script, Path file) throws IOException {
    return new ProcessBuilder(python().toString(), "-c", script, file.toString())
        .redirectErrorStream(true)
        .start();
  }

  @Test
  void collect_sessionOfALiveProcess_keepsItsLayersUntilTheProcessDies() throws Exception {
    Path layer = Files.createDirectories(home.resolve("session/layers/feedface/bin"));
    Files.writeString(layer.resolve("tool"), "1234567");
    Path live = Files.createDirectories(home.resolve("session/live"));
    Files.writeString(live.resolve("elsewhere.layers"), "feedface\n");
    Process holder = start(HOLD, live.resolve("elsewhere.lock"));
    try {
      String first = new String(holder.getInputStream().readNBytes(5), StandardCharsets.UTF_8);
      assertEquals("held\n", first, "the other process could not take its lock");

      LayerCollector collector = new LayerCollector(home);
      assertEquals(
          new LayerCollection(0, 0, 0, 0, 0, 0, 1, 0),
          collector.collect(Pruning.unreachable(Duration.ZERO)));
      assertTrue(Files.exists(layer.resolve("tool")));

      holder.destroyForcibly();
      assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
      assertEquals(
          new LayerCollection(1, 7, 0, 1, 0, 0, 0, 0),
          collector.collect(Pruning.unreachable(Duration.ZERO)));
      assertTrue(Files.notExists(home.resolve("session/layers/feedface")));
      try (Stream<Path> left = Files.list(live)) {
        assertEquals(List.of(), left.toList());
      }
    } finally {
      holder.destroyForcibly();
      holder.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void open_sessionsLock_isHeldForOtherProcesses() throws Exception {
    Path lock;
    try (Session session =
        Session.builder()
            .home(home)
            .sandbox(new FakeSandbox())
            .images(new FixedImages(Map.of()))
            .build()) {
      session.apply("FROM scratch\nRUN build");
      try (Stream<Path> files = Files.list(home.resolve("session/live"))) {
        lock = files.filter(f -> f.toString().endsWith(".lock")).findFirst().orElseThrow();
      }
      Process probe = start(TRY, lock);
      assertTrue(probe.waitFor(20, TimeUnit.SECONDS));
      assertEquals(3, probe.exitValue(), "another process could lock an open session's file");
    }
    assertTrue(Files.notExists(lock), "closing withdraws the lock file");
  }
}
