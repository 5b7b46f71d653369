package org.iechorfile.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.HistoryEntry;
import org.iechorfile.engine.image.ImageConfig;
import org.iechorfile.engine.image.Manifest;
import org.iechorfile.engine.image.MediaTypes;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.image.RuntimeConfig;
import org.iechorfile.engine.image.json.ImageCodec;
import org.iechorfile.engine.session.ImageState;
import org.iechorfile.engine.session.LayerRef;
import org.iechorfile.engine.store.Store;
import org.iechorfile.engine.tar.OverlayNamespace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageExporterTest {

  @TempDir Path temp;
  private Store store;
  private ImageExporter exporter;

  @BeforeEach
  void open() throws Exception {
    store = Store.open(temp.resolve("store"), OverlayNamespace.current());
    exporter =
        new ImageExporter(
            store, OverlayNamespace.current(), Clock.fixed(ExportFixture.T0, ZoneOffset.UTC), 2);
  }

  private ImageState twoLayers() throws Exception {
    LayerRef base = ExportFixture.layer(temp, "base", Map.of("bin/tool", "tool"));
    LayerRef step = ExportFixture.layer(temp, "step", Map.of("app/main", "main"));
    return ExportFixture.state(
        List.of(base, step), RuntimeConfig.EMPTY.withEnv("A", "1").withCmd(List.of("/app/main")));
  }

  @Test
  void export_layersAndConfigStep_configHasDiffIdsOfTheBlobsAndEmptyLayerHistory()
      throws Exception {
    ExportedImage image = exporter.export(twoLayers());

    Manifest manifest =
        ImageCodec.parseManifest(store.blobs().read(image.manifestDescriptor().digest()));
    ImageConfig config = ImageCodec.parseConfig(store.blobs().read(manifest.config().digest()));
    assertEquals(MediaTypes.OCI_MANIFEST, manifest.mediaType());
    assertEquals(MediaTypes.OCI_CONFIG, manifest.config().mediaType());
    assertEquals(2, manifest.layers().size());
    for (int i = 0; i < 2; i++) {
      assertEquals(MediaTypes.OCI_LAYER_GZIP, manifest.layers().get(i).mediaType());
      try (InputStream in =
          new GZIPInputStream(store.blobs().open(manifest.layers().get(i).digest()))) {
        assertEquals(config.diffIds().get(i), Digest.sha256(in.readAllBytes()));
      }
    }
    assertEquals(
        List.of(false, false, true), config.history().stream().map(h -> h.emptyLayer()).toList());
    assertEquals(List.of("A=1"), config.config().env());
    assertEquals(Optional.of(ExportFixture.T0.plusSeconds(1)), config.created());
    assertEquals("amd64", config.architecture());
    assertEquals(image.config(), config);
  }

  @Test
  void export_twice_reusesTheLayerBlobsAndGivesTheSameManifest() throws Exception {
    ImageState state = twoLayers();
    ExportedImage first = exporter.export(state);

    ExportedImage second = exporter.export(state);

    assertEquals(first.manifestDescriptor(), second.manifestDescriptor());
  }

  @Test
  void export_baseLayersWithoutHistory_getAHistoryEntryEach() {
    List<HistoryEntry> history =
        ImageExporter.history(List.of(HistoryEntry.of(ExportFixture.T0, "ENV A=1", true)), 2);

    assertEquals(3, history.size());
    assertEquals(2, history.stream().filter(h -> !h.emptyLayer()).count());
    assertEquals("ENV A=1", history.get(2).createdBy());
  }

  @Test
  void export_noStage_isRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> exporter.export(ImageState.initial(Platform.LINUX_AMD64)));
  }

  @Test
  void tag_name_pointsTheStoreNameAtTheManifest() throws Exception {
    ExportedImage image = exporter.export(twoLayers());

    String name = exporter.tag(image, "app:1.0");

    assertEquals("docker.io/library/app:1.0", name);
    assertEquals(Optional.of(image.manifestDescriptor().digest()), store.names().resolve(name));
    assertTrue(image.id().startsWith("sha256:"));
  }
}
