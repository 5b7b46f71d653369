package org.iechorfile.engine.image.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.Healthcheck;
import org.iechorfile.engine.image.HistoryEntry;
import org.iechorfile.engine.image.ImageConfig;
import org.iechorfile.engine.image.ImageIndex;
import org.iechorfile.engine.image.InvalidImageDocumentException;
import org.iechorfile.engine.image.Manifest;
import org.iechorfile.engine.image.MediaTypes;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.image.json.WireTypes.WireImageConfig;
import org.iechorfile.engine.image.json.WireTypes.WireIndex;
import org.iechorfile.engine.image.json.WireTypes.WireManifest;
import org.junit.jupiter.api.Test;

class ImageCodecTest {

  private static final String A = "sha256:" + "a".repeat(64);
  private static final String B = "sha256:" + "b".repeat(64);

  static final String DOCKER_MANIFEST =
      "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
          + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\","
          + "\"digest\":\""
          + A
          + "\",\"size\":1469},\"layers\":[{\"mediaType\":"
          + "\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"digest\":\""
          + B
          + "\",\"size\":2220094}]}";

  static final String OCI_INDEX =
      "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
          + "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
          + "\"digest\":\""
          + A
          + "\",\"size\":610,\"annotations\":{\"a\":\"1\",\"b\":\"2\"},"
          + "\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\"}}]}";

  static final String CONFIG =
      "{\"created\":\"2024-01-02T03:04:05Z\",\"architecture\":\"amd64\",\"os\":\"linux\","
          + "\"config\":{\"User\":\"app\",\"ExposedPorts\":{\"80/tcp\":{}},"
          + "\"Env\":[\"PATH=/bin\"],\"Entrypoint\":[\"/bin/sh\"],\"Cmd\":[\"-c\",\"true\"],"
          + "\"Volumes\":{\"/data\":{}},\"WorkingDir\":\"/app\",\"Labels\":{\"k\":\"v\"},"
          + "\"StopSignal\":\"SIGTERM\",\"ArgsEscaped\":true,"
          + "\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"true\"],\"Interval\":30000000000,"
          + "\"Retries\":3},\"OnBuild\":[\"RUN x\"],\"Shell\":[\"/bin/sh\",\"-c\"]},"
          + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
          + A
          + "\"]},\"history\":[{\"created\":\"2024-01-02T03:04:05Z\",\"created_by\":\"RUN x\"},"
          + "{\"created_by\":\"ENV A=1\",\"comment\":\"c\",\"empty_layer\":true}]}";

  @Test
  void wireManifest_canonicalInput_roundTripsExactly() throws Exception {
    assertWireRoundTrip(DOCKER_MANIFEST, WireManifest.class);
  }

  @Test
  void wireIndex_canonicalInput_roundTripsExactly() throws Exception {
    assertWireRoundTrip(OCI_INDEX, WireIndex.class);
  }

  @Test
  void wireConfig_canonicalInput_roundTripsExactly() throws Exception {
    assertWireRoundTrip(CONFIG, WireImageConfig.class);
  }

  @Test
  void parseManifest_docker_keepsMediaTypeAndWritesSameBytes() throws Exception {
    Manifest manifest = ImageCodec.parseManifest(DOCKER_MANIFEST.getBytes(UTF_8));
    assertEquals(MediaTypes.DOCKER_MANIFEST, manifest.mediaType());
    assertEquals(Digest.parse(B), manifest.layers().get(0).digest());
    assertEquals(2220094, manifest.layersSize());
    assertEquals(DOCKER_MANIFEST, new String(ImageCodec.write(manifest), UTF_8));
  }

  @Test
  void parseIndex_platformsAndAnnotations_domainRoundTrip() throws Exception {
    ImageIndex index = ImageCodec.parseIndex(OCI_INDEX.getBytes(UTF_8));
    Descriptor entry = index.manifests().get(0);
    assertEquals(Optional.of(Platform.parse("linux/arm64/v8")), entry.platform());
    assertEquals(Map.of("a", "1", "b", "2"), entry.annotations());
    assertEquals(OCI_INDEX, new String(ImageCodec.write(index), UTF_8));
    assertEquals(index, ImageCodec.parseIndex(ImageCodec.write(index)));
  }

  @Test
  void parseConfig_allFields_domainValuesAndSameBytes() throws Exception {
    ImageConfig config = ImageCodec.parseConfig(CONFIG.getBytes(UTF_8));
    assertEquals("app", config.config().user());
    assertEquals(List.of("/bin/sh"), config.config().entrypoint());
    assertEquals(Duration.ofSeconds(30), config.config().healthcheck().get().interval());
    assertEquals(3, config.config().healthcheck().get().retries());
    assertEquals(Instant.parse("2024-01-02T03:04:05Z"), config.created().get());
    assertTrue(config.history().get(1).emptyLayer());
    assertTrue(config.config().argsEscaped());
    assertEquals(CONFIG, new String(ImageCodec.write(config), UTF_8));
  }

  @Test
  void write_builtConfig_parsesBackEqual() throws Exception {
    ImageConfig config =
        ImageConfig.empty(Platform.parse("linux/arm64/v8"))
            .withEnv("A", "1")
            .withCreated(Instant.parse("2020-01-01T00:00:00.5Z"))
            .withConfig(
                ImageConfig.empty(Platform.LINUX_AMD64)
                    .config()
                    .withHealthcheck(Healthcheck.none())
                    .withExposedPort("53/udp"))
            .withLayer(Digest.sha256("l"), HistoryEntry.of(Instant.EPOCH, "COPY . /", false));
    assertEquals(config, ImageCodec.parseConfig(ImageCodec.write(config)));
  }

  @Test
  void parse_unknownFields_ignored() throws Exception {
    String json =
        DOCKER_MANIFEST.replace("{\"schemaVersion\"", "{\"extra\":[1,{}],\"schemaVersion\"");
    assertEquals(
        ImageCodec.parseManifest(DOCKER_MANIFEST.getBytes(UTF_8)),
        ImageCodec.parseManifest(json.getBytes(UTF_8)));
  }

  @Test
  void parseManifest_noMediaType_takenAsOci() throws Exception {
    String json =
        DOCKER_MANIFEST.replace("\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST + "\",", "");
    assertEquals(
        MediaTypes.OCI_MANIFEST, ImageCodec.parseManifest(json.getBytes(UTF_8)).mediaType());
  }

  @Test
  void parseManifest_indexBytes_throwsNamingMediaType() {
    InvalidImageDocumentException e =
        assertThrows(
            InvalidImageDocumentException.class,
            () -> ImageCodec.parseManifest(OCI_INDEX.getBytes(UTF_8)));
    assertTrue(e.getMessage().contains(MediaTypes.OCI_INDEX), e.getMessage());
  }

  @Test
  void parseManifest_badDigest_throwsWithLocation() {
    String json = DOCKER_MANIFEST.replace(B, "sha256:xyz");
    InvalidImageDocumentException e =
        assertThrows(
            InvalidImageDocumentException.class,
            () -> ImageCodec.parseManifest(json.getBytes(UTF_8)));
    assertTrue(e.getMessage().startsWith("manifest.layers[0]"), e.getMessage());
  }

  @Test
  void parseConfig_notJson_throws() {
    assertThrows(
        InvalidImageDocumentException.class, () -> ImageCodec.parseConfig("{oops".getBytes(UTF_8)));
    assertThrows(
        InvalidImageDocumentException.class, () -> ImageCodec.parseConfig("null".getBytes(UTF_8)));
  }

  @Test
  void declaredMediaType_present_returned() throws Exception {
    assertEquals(
        Optional.of(MediaTypes.OCI_INDEX), ImageCodec.declaredMediaType(OCI_INDEX.getBytes(UTF_8)));
    assertEquals(Optional.empty(), ImageCodec.declaredMediaType("{}".getBytes(UTF_8)));
  }

  private static <T> void assertWireRoundTrip(String json, Class<T> type) throws Exception {
    T wire = ImageCodec.read(json.getBytes(UTF_8), type, "test");
    assertArrayEquals(json.getBytes(UTF_8), ImageCodec.bytes(wire));
  }
}
