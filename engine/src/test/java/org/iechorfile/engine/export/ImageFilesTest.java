package org.iechorfile.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.ImageIndex;
import org.iechorfile.engine.image.RuntimeConfig;
import org.iechorfile.engine.image.json.ImageCodec;
import org.iechorfile.engine.registry.ImageReference;
import org.iechorfile.engine.store.Store;
import org.iechorfile.engine.tar.OverlayNamespace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

  @TempDir Path temp;
  private Store store;
  private ExportedImage image;

  @BeforeEach
  void export() throws Exception {
    store = Store.open(temp.resolve("store"), OverlayNamespace.current());
    ImageExporter exporter =
        new ImageExporter(
            store, OverlayNamespace.current(), Clock.fixed(ExportFixture.T0, ZoneOffset.UTC), 2);
    image =
        exporter.export(
            ExportFixture.state(
                List.of(
                    ExportFixture.layer(temp, "one", Map.of("a", "1")),
                    ExportFixture.layer(temp, "two", Map.of("b", "2"))),
                RuntimeConfig.EMPTY));
  }

  @Test
  void save_ociLayout_writesIndexLayoutAndVerifiableBlobs() throws Exception {
    Path layout = temp.resolve("layout");

    new ImageFiles(store).save(image, layout, ImageFormat.OCI, ImageReference.parse("app:1.0"));

    assertEquals(
        "{\"imageLayoutVersion\":\"1.0.0\"}", Files.readString(layout.resolve("oci-layout")));
    ImageIndex index = ImageCodec.parseIndex(Files.readAllBytes(layout.resolve("index.json")));
    assertEquals(image.manifestDescriptor().digest(), index.manifests().get(0).digest());
    assertEquals(
        "1.0", index.manifests().get(0).annotations().get("org.opencontainers.image.ref.name"));
    try (var blobs = Files.list(layout.resolve("blobs/sha256"))) {
      List<Path> files = blobs.toList();
      assertEquals(4, files.size());
      for (Path blob : files) {
        assertEquals(blob.getFileName().toString(), Digest.sha256(Files.readAllBytes(blob)).hex());
      }
    }
  }

  @Test
  void save_ociArchive_holdsTheLayoutInOneTar() throws Exception {
    Path archive = temp.resolve("image.tar");

    new ImageFiles(store).save(image, archive, ImageFormat.OCI_ARCHIVE, ref());

    Map<String, byte[]> entries = entries(archive);
    assertTrue(entries.containsKey("oci-layout"));
    assertTrue(entries.containsKey("index.json"));
    assertTrue(entries.containsKey("blobs/sha256/" + image.manifestDescriptor().digest().hex()));
  }

  @Test
  void save_dockerArchive_hasManifestRepositoriesAndUncompressedLayersByDiffId() throws Exception {
    Path archive = temp.resolve("docker.tar");

    new ImageFiles(store).save(image, archive, ImageFormat.DOCKER_ARCHIVE, ref());

    Map<String, byte[]> entries = entries(archive);
    JsonNode manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
    assertEquals("app:1.0", manifest.get(0).get("RepoTags").get(0).asText());
    String configName = manifest.get(0).get("Config").asText();
    assertEquals(image.manifest().config().digest().hex() + ".json", configName);
    for (int i = 0; i < 2; i++) {
      String layer = manifest.get(0).get("Layers").get(i).asText();
      assertEquals(image.layers().get(i).diffId(), Digest.sha256(entries.get(layer)));
    }
    JsonNode repositories = new ObjectMapper().readTree(entries.get("repositories"));
    assertEquals(image.layers().get(1).diffId().hex(), repositories.get("app").get("1.0").asText());
  }

  @Test
  void format_parse_knowsTheThreeNames() {
    assertEquals(ImageFormat.OCI_ARCHIVE, ImageFormat.parse("OCI-archive").orElseThrow());
    assertEquals("docker-archive", ImageFormat.DOCKER_ARCHIVE.spelled());
    assertTrue(ImageFormat.parse("zip").isEmpty());
  }

  private static ImageReference ref() throws Exception {
    return ImageReference.parse("app:1.0");
  }

  private static Map<String, byte[]> entries(Path archive) throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (InputStream file = Files.newInputStream(archive);
        TarArchiveInputStream tar = new TarArchiveInputStream(file)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        entries.put(entry.getName(), tar.readAllBytes());
      }
    }
    return entries;
  }
}
