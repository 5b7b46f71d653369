package org.iechorfile.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.tar.OverlayNamespace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class GarbageCollectorTest {

  @TempDir Path temp;

  private Store store;
  private StoreFixture.Layer kept;
  private StoreFixture.Layer dropped;
  private Digest manifest;

  @BeforeEach
  void image() throws IOException {
    store = Store.open(temp.resolve("home"), OverlayNamespace.TRUSTED);
    kept = StoreFixture.layer("kept", 2);
    dropped = StoreFixture.layer("dropped", 2);
    byte[] config = StoreFixture.config(List.of(kept));
    byte[] manifestBytes = StoreFixture.manifest(config, List.of(kept));
    byte[] index = StoreFixture.index(manifestBytes);
    for (byte[] blob : List.of(kept.blob(), dropped.blob(), config, manifestBytes, index)) {
      store.blobs().put(new ByteArrayInputStream(blob), Digest.sha256(blob));
    }
    for (StoreFixture.Layer layer : List.of(kept, dropped)) {
      store.snapshots().unpack(layer.diffId(), () -> new ByteArrayInputStream(layer.blob()));
    }
    manifest = Digest.sha256(index);
    store.names().tag("app:latest", manifest);
  }

  @Test
  void gc_unreferenced_removesOnlyWhatNoNameReaches() throws IOException {
    GcReport report = store.gc(Duration.ZERO);

    assertEquals(1, report.blobsRemoved());
    assertEquals(dropped.blob().length, report.bytesFreed());
    assertEquals(1, report.snapshotsRemoved());
    assertFalse(store.blobs().contains(dropped.digest()));
    assertTrue(store.blobs().contains(kept.digest()));
    assertTrue(store.blobs().contains(manifest));
    assertEquals(List.of(kept.diffId()), store.snapshots().list());
    assertFalse(Files.exists(store.snapshots().lockFile(dropped.diffId())));
  }

  @Test
  void gc_pinnedSnapshot_keptWithoutAName() throws IOException {
    GcReport report = store.gc(Duration.ZERO, java.util.Set.of(dropped.diffId()));

    assertEquals(0, report.snapshotsRemoved());
    assertTrue(store.snapshots().find(dropped.diffId()).isPresent());
  }

  @Test
  void gc_nameRemoved_removesEverything() throws IOException {
    store.names().remove("app:latest");

    GcReport report = store.gc(Duration.ZERO);

    assertEquals(5, report.blobsRemoved());
    assertEquals(2, report.snapshotsRemoved());
    assertEquals(List.of(), store.snapshots().list());
  }

  @Test
  void gc_cacheRecord_keepsItsBlobsAndSnapshots() throws IOException {
    store
        .buildCache()
        .put("step", new CacheRecord(List.of(dropped.digest()), List.of(dropped.diffId()), ""));

    GcReport report = store.gc(Duration.ZERO);

    assertEquals(new GcReport(0, 0, 0), report);
    assertTrue(store.snapshots().find(dropped.diffId()).isPresent());
  }

  @Test
  void gc_withinGracePeriod_keepsRecentWork() throws IOException {
    GcReport report = store.gc(Duration.ofHours(1));

    assertEquals(new GcReport(0, 0, 0), report);
    assertTrue(store.blobs().contains(dropped.digest()));
  }

  @Test
  void gc_leftoversOfCrashedWriters_removed() throws IOException {
    Path crashed = Files.writeString(store.root().resolve("tmp/blob-crashed.part"), "half");
    Files.setLastModifiedTime(crashed, FileTime.fromMillis(System.currentTimeMillis() - 7_200_000));
    Path downloading =
        Files.writeString(store.root().resolve("tmp/layer-1.download"), "in progress");
    Path halfUnpacked =
        Files.createDirectories(
            store.root().resolve("snapshots/." + kept.diffId().hex() + ".unpack-1/etc"));

    store.gc(Duration.ofHours(1));

    assertFalse(Files.exists(crashed));
    assertTrue(Files.exists(downloading), "recent files in tmp/ may be another client's download");
    assertFalse(Files.exists(halfUnpacked.getParent()));
    assertEquals(2, store.snapshots().list().size());
  }

  @Test
  @Timeout(60)
  void gc_whileWriterInProgress_waitsForIt() throws Exception {
    StoreFixture.Layer late = StoreFixture.layer("late", 1);
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      Future<Blob> writer =
          executor.submit(
              () ->
                  store.blobs().put(blockingStream(late.blob(), writing, release), late.digest()));
      assertTrue(writing.await(30, TimeUnit.SECONDS));
      Future<GcReport> gc = executor.submit(() -> store.gc(Duration.ZERO));
      Thread.sleep(300);
      assertFalse(gc.isDone(), "gc must wait for the writer holding the store");
      release.countDown();

      writer.get(30, TimeUnit.SECONDS);
      GcReport report = gc.get(30, TimeUnit.SECONDS);

      assertFalse(store.blobs().contains(late.digest()), "written, unnamed, no grace: collected");
      assertEquals(2, report.blobsRemoved());
    } finally {
      executor.shutdownNow();
    }
  }

  /** A stream that signals its first read and then waits to be released. */
  private static InputStream blockingStream(
      byte[] content, CountDownLatch started, CountDownLatch release) {
    return new FilterInputStream(new ByteArrayInputStream(content)) {
      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        started.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
        return super.read(buffer, offset, length);
      }
    };
  }
}
