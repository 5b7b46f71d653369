package org.iechorfile.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.tar.OverlayNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class StoreConcurrencyTest {

  private static final int LAYERS = 4;
  private static final int ROUNDS = 3;

  @TempDir Path temp;

  @Test
  @Timeout(180)
  void unpack_twoProcessesAtOnce_eachLayerUnpackedOnceAndShared() throws Exception {
    Path root = temp.resolve("home");
    Path barrier = Files.createDirectories(temp.resolve("barrier"));
    Process first = probe(root, barrier);
    Process second = probe(root, barrier);

    String firstOutput = finish(first);
    String secondOutput = finish(second);

    List<String> lines = new ArrayList<>();
    lines.addAll(firstOutput.lines().toList());
    lines.addAll(secondOutput.lines().toList());
    assertTrue(firstOutput.endsWith("done\n"), firstOutput);
    assertTrue(secondOutput.endsWith("done\n"), secondOutput);
    Map<String, Long> unpacked =
        lines.stream()
            .filter(l -> l.startsWith("unpacked "))
            .collect(Collectors.groupingBy(l -> l.substring(9), Collectors.counting()));
    assertEquals(LAYERS, unpacked.size(), "each layer unpacked by exactly one process: " + lines);
    unpacked.values().forEach(count -> assertEquals(1L, count, lines.toString()));
    assertEquals(
        2 * LAYERS * ROUNDS - LAYERS, lines.stream().filter(l -> l.startsWith("reused ")).count());
    assertStoreIntact(root);
  }

  @Test
  @Timeout(120)
  void unpack_manyThreadsAtOnce_oneUnpacksOthersReuse() throws Exception {
    Store store = Store.open(temp.resolve("home"), OverlayNamespace.TRUSTED);
    StoreFixture.Layer layer = StoreFixture.layer("shared", 300);
    ExecutorService executor = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Snapshot>> tasks = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        tasks.add(
            () -> {
              store.blobs().put(new ByteArrayInputStream(layer.blob()), layer.digest());
              return store
                  .snapshots()
                  .unpack(layer.diffId(), () -> store.blobs().open(layer.digest()));
            });
      }
      List<Snapshot> snapshots = new ArrayList<>();
      for (Future<Snapshot> future : executor.invokeAll(tasks)) {
        snapshots.add(future.get(60, TimeUnit.SECONDS));
      }

      assertEquals(1, snapshots.stream().filter(Snapshot::unpackedNow).count());
      assertEquals(1, snapshots.stream().map(Snapshot::directory).distinct().count());
      assertStoreIntact(store.root());
    } finally {
      executor.shutdownNow();
    }
  }

  /** Every blob matches its name, every snapshot is complete, no temporary file is left. */
  private static void assertStoreIntact(Path root) throws IOException {
    try (Stream<Path> blobs = Files.list(root.resolve("blobs/sha256"))) {
      for (Path blob : (Iterable<Path>) blobs::iterator) {
        assertEquals(blob.getFileName().toString(), Digest.sha256(Files.readAllBytes(blob)).hex());
      }
    }
    try (Stream<Path> snapshots = Files.list(root.resolve("snapshots"))) {
      for (Path snapshot : (Iterable<Path>) snapshots::iterator) {
        assertTrue(
            snapshot.getFileName().toString().matches("[a-f0-9]{64}"),
            "no unpacking leftovers: " + snapshot);
        try (Stream<Path> files = Files.walk(snapshot)) {
          assertEquals(
              1 + 1 + (snapshot.toString().isEmpty() ? 0 : countFiles(snapshot)), files.count());
        }
      }
    }
    try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
      assertEquals(List.of(), tmp.toList());
    }
  }

  private static long countFiles(Path snapshot) throws IOException {
    try (Stream<Path> files = Files.walk(snapshot)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private static Process probe(Path root, Path barrier) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            StoreProbe.class.getName(),
            root.toString(),
            String.valueOf(LAYERS),
            String.valueOf(ROUNDS),
            barrier.toString(),
            "2")
        .redirectErrorStream(true)
        .start();
  }

  private static String finish(Process process) throws Exception {
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      Future<String> output =
          reader.submit(
              () -> new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      if (!process.waitFor(150, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError("the probe process did not finish in time");
      }
      String text = output.get(10, TimeUnit.SECONDS);
      assertEquals(0, process.exitValue(), text);
      return text;
    } finally {
      reader.shutdownNow();
    }
  }
}
