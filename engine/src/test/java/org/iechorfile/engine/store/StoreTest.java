package org.iechorfile.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.tar.LayerFormatException;
import org.iechorfile.engine.tar.OverlayNamespace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

  @TempDir Path temp;

  private Store store;

  @BeforeEach
  void open() throws IOException {
    store = Store.open(temp.resolve("home"), OverlayNamespace.TRUSTED);
  }

  private List<String> tmpFiles() throws IOException {
    try (Stream<Path> list = Files.list(store.root().resolve("tmp"))) {
      return list.map(Path::toString).toList();
    }
  }

  @Test
  void put_matchingDigest_storedUnderItsDigest() throws IOException {
    byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
    Digest digest = Digest.sha256(content);

    Blob blob = store.blobs().put(new ByteArrayInputStream(content), digest);

    assertEquals(new Blob(digest, 5), blob);
    assertTrue(Files.isRegularFile(store.root().resolve("blobs/sha256/" + digest.hex())));
    assertEquals("hello", new String(store.blobs().read(digest), StandardCharsets.UTF_8));
    assertEquals(List.of(), tmpFiles());
  }

  @Test
  void put_wrongDigest_refusedAndNothingKept() throws IOException {
    Digest claimed = Digest.sha256("something else");

    BlobMismatchException e =
        assertThrows(
            BlobMismatchException.class,
            () -> store.blobs().put(new ByteArrayInputStream(new byte[] {1, 2}), claimed));

    assertTrue(e.getMessage().contains(claimed.toString()), e.getMessage());
    assertFalse(store.blobs().contains(claimed));
    assertEquals(List.of(), tmpFiles());
  }

  @Test
  void put_existingBlob_doesNotReadTheStream() throws IOException {
    byte[] content = "x".getBytes(StandardCharsets.UTF_8);
    store.blobs().put(new ByteArrayInputStream(content), Digest.sha256(content));
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("read although stored");
          }
        };

    Blob blob = store.blobs().put(failing, Digest.sha256(content));

    assertEquals(1, blob.size());
  }

  @Test
  void write_content_storedUnderComputedDigest() throws IOException {
    Blob blob = store.blobs().write(out -> out.write(new byte[] {9, 8, 7}));

    assertEquals(Digest.sha256(new byte[] {9, 8, 7}), blob.digest());
    assertEquals(Optional.of(blob), store.blobs().find(blob.digest()));
  }

  @Test
  void write_contentFailingMidway_keepsNothing() throws IOException {
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                store
                    .blobs()
                    .write(
                        out -> {
                          out.write(new byte[1000]);
                          throw new IOException("source went away");
                        }));

    assertEquals("source went away", e.getMessage());
    assertEquals(List.of(), tmpFiles());
    try (Stream<Path> blobs = Files.list(store.root().resolve("blobs/sha256"))) {
      assertEquals(0, blobs.count());
    }
  }

  @Test
  @Timeout(60)
  void resolve_whileRetagged_alwaysSeesAWholeDigest() throws Exception {
    Digest first = Digest.sha256("one");
    Digest second = Digest.sha256("two");
    store.names().tag("app", first);
    Thread writer =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < 300; i++) {
                  store.names().tag("app", i % 2 == 0 ? second : first);
                }
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    writer.start();
    List<Optional<Digest>> seen = new java.util.ArrayList<>();
    while (writer.isAlive()) {
      seen.add(store.names().resolve("app"));
    }
    writer.join();

    assertTrue(seen.size() > 0);
    for (Optional<Digest> digest : seen) {
      assertTrue(
          digest.equals(Optional.of(first)) || digest.equals(Optional.of(second)),
          digest.toString());
    }
  }

  @Test
  void open_missingBlob_namesTheDigest() {
    Digest missing = Digest.sha256("missing");

    NoSuchFileException e =
        assertThrows(NoSuchFileException.class, () -> store.blobs().open(missing));

    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void unpack_layer_createsSnapshotOnceAndReusesIt() throws IOException {
    StoreFixture.Layer layer = StoreFixture.layer("app", 3);

    Snapshot first =
        store.snapshots().unpack(layer.diffId(), () -> new ByteArrayInputStream(layer.blob()));
    Snapshot second =
        store
            .snapshots()
            .unpack(
                layer.diffId(),
                () -> {
                  throw new IOException("opened although unpacked");
                });

    assertTrue(first.unpackedNow());
    assertFalse(second.unpackedNow());
    assertEquals(first.directory(), second.directory());
    assertTrue(Files.isRegularFile(first.directory().resolve("app/f2")));
    assertEquals(List.of(layer.diffId()), store.snapshots().list());
    assertEquals(Optional.of(first.directory()), store.snapshots().find(layer.diffId()));
  }

  @Test
  void unpack_blobNotMatchingDiffId_refusedAndNothingKept() throws IOException {
    StoreFixture.Layer layer = StoreFixture.layer("app", 1);
    Digest wrong = Digest.sha256("not this layer");

    assertThrows(
        LayerFormatException.class,
        () -> store.snapshots().unpack(wrong, () -> new ByteArrayInputStream(layer.blob())));

    assertEquals(List.of(), store.snapshots().list());
    try (Stream<Path> list = Files.list(store.root().resolve("snapshots"))) {
      assertEquals(0, list.count());
    }
  }

  @Test
  void adopt_upperDirectory_movedIntoStore() throws IOException {
    Path upper = Files.createDirectories(store.root().resolve("tmp/upper-1"));
    Files.writeString(upper.resolve("new-file"), "built");
    Digest diffId = Digest.sha256("layer of new-file");

    Snapshot snapshot = store.snapshots().adopt(upper, diffId);

    assertTrue(snapshot.unpackedNow());
    assertFalse(Files.exists(upper));
    assertEquals("built", Files.readString(snapshot.directory().resolve("new-file")));
  }

  @Test
  void tag_name_resolvesAndLists() throws IOException {
    Digest first = Digest.sha256("m1");
    Digest second = Digest.sha256("m2");

    store.names().tag("docker.io/library/busybox:latest", first);
    store.names().tag("localhost:5000/app:1", first);
    store.names().tag("docker.io/library/busybox:latest", second);

    assertEquals(Optional.of(second), store.names().resolve("docker.io/library/busybox:latest"));
    assertEquals(
        Map.of("docker.io/library/busybox:latest", second, "localhost:5000/app:1", first),
        store.names().list());
    assertTrue(store.names().remove("localhost:5000/app:1"));
    assertEquals(Optional.empty(), store.names().resolve("localhost:5000/app:1"));
    assertFalse(store.names().remove("localhost:5000/app:1"));
    assertEquals(List.of(), tmpFiles());
  }

  @Test
  void put_cacheRecord_readBackByKeyOnly() throws IOException {
    CacheRecord record =
        new CacheRecord(
            List.of(Digest.sha256("blob")), List.of(Digest.sha256("snap")), "{\"step\":1}");

    store.buildCache().put("parent=abc\nRUN make", record);

    assertEquals(Optional.of(record), store.buildCache().get("parent=abc\nRUN make"));
    assertEquals(Optional.empty(), store.buildCache().get("parent=abc\nRUN make all"));
    assertEquals(1, store.buildCache().clear());
    assertEquals(Optional.empty(), store.buildCache().get("parent=abc\nRUN make"));
  }

  @Test
  void images_namedImage_summedOverItsBlobs() throws IOException {
    StoreFixture.Layer layer = StoreFixture.layer("app", 2);
    byte[] config = StoreFixture.config(List.of(layer));
    byte[] manifest = StoreFixture.manifest(config, List.of(layer));
    store.blobs().put(new ByteArrayInputStream(layer.blob()), layer.digest());
    store.blobs().put(new ByteArrayInputStream(config), Digest.sha256(config));
    Digest manifestDigest = store.blobs().write(out -> out.write(manifest)).digest();
    store.names().tag("app:latest", manifestDigest);

    List<ImageSummary> images = store.images();

    long size = layer.blob().length + config.length + manifest.length;
    assertEquals(List.of(new ImageSummary("app:latest", manifestDigest, size, true)), images);
  }

  @Test
  void images_missingLayer_reportedIncomplete() throws IOException {
    StoreFixture.Layer layer = StoreFixture.layer("app", 2);
    byte[] config = StoreFixture.config(List.of(layer));
    byte[] manifest = StoreFixture.manifest(config, List.of(layer));
    store.blobs().put(new ByteArrayInputStream(config), Digest.sha256(config));
    Digest manifestDigest = store.blobs().write(out -> out.write(manifest)).digest();
    store.names().tag("app:latest", manifestDigest);

    ImageSummary image = store.images().get(0);

    assertFalse(image.complete());
    assertEquals(layer.blob().length + config.length + manifest.length, image.size());
  }

  @Test
  void defaultRoot_environment_followsPrecedence() {
    assertEquals(
        Path.of("/x/home"),
        Store.defaultRoot(Map.of("IECHOR_HOME", "/x/home", "XDG_DATA_HOME", "/d", "HOME", "/h")));
    assertEquals(
        Path.of("/d/iechorfile"), Store.defaultRoot(Map.of("XDG_DATA_HOME", "/d", "HOME", "/h")));
    assertEquals(Path.of("/h/.local/share/iechorfile"), Store.defaultRoot(Map.of("HOME", "/h")));
  }
}
