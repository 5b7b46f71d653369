package org.iechorfile.engine.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.tar.OverlayNamespace;

/**
 * The program each child JVM of {@link StoreConcurrencyTest} runs: it writes the same blobs and
 * unpacks the same layers as its sibling, at the same time, and reports on standard output what it
 * did ({@code unpacked HEX} or {@code reused HEX}, then {@code done}).
 */
final class StoreProbe {

  private StoreProbe() {}

  /**
   * Arguments: store root, layer count, rounds, a barrier directory and the number of probes. Each
   * probe announces itself in the barrier directory and starts once all have, so that their work
   * overlaps.
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Store store = Store.open(Path.of(args[0]), OverlayNamespace.TRUSTED);
    int layers = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    List<StoreFixture.Layer> fixtures = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      fixtures.add(StoreFixture.layer("layer" + i, 200));
    }
    Path barrier = Path.of(args[3]);
    int probes = Integer.parseInt(args[4]);
    Files.createFile(barrier.resolve(String.valueOf(ProcessHandle.current().pid())));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (count(barrier) < probes && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    for (int round = 0; round < rounds; round++) {
      for (StoreFixture.Layer layer : fixtures) {
        store.blobs().put(new ByteArrayInputStream(layer.blob()), layer.digest());
        Snapshot snapshot =
            store.snapshots().unpack(layer.diffId(), () -> store.blobs().open(layer.digest()));
        out.println((snapshot.unpackedNow() ? "unpacked " : "reused ") + layer.diffId().hex());
        store.names().tag("probe:" + round, layer.digest());
        store
            .buildCache()
            .put("key" + round, new CacheRecord(List.of(layer.digest()), List.of(), "r" + round));
      }
      byte[] own =
          ("round " + round + " of " + ProcessHandle.current().pid())
              .getBytes(StandardCharsets.UTF_8);
      store.blobs().put(new ByteArrayInputStream(own), Digest.sha256(own));
    }
    out.println("done");
  }

  private static long count(Path directory) throws IOException {
    try (Stream<Path> list = Files.list(directory)) {
      return list.count();
    }
  }
}
