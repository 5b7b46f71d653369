package org.iechorfile.engine.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.ImageConfig;
import org.iechorfile.engine.image.Manifest;
import org.iechorfile.engine.image.MediaTypes;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.testing.BusyboxImage;
import org.iechorfile.engine.testing.RegistryExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RegistryPullIT {

  @RegisterExtension static final RegistryExtension REGISTRY = RegistryExtension.open();

  private static BusyboxImage busybox;
  private static Digest indexDigest;
  private final RegistryClient client = REGISTRY.client(CredentialSource.ANONYMOUS);

  @TempDir Path dir;

  @BeforeAll
  static void pushBusybox() throws Exception {
    RegistryClient client = REGISTRY.client(CredentialSource.ANONYMOUS);
    busybox = BusyboxImage.build(Platform.LINUX_AMD64);
    busybox.pushTo(client, REGISTRY.reference("library/busybox:latest"));
    indexDigest =
        BusyboxImage.pushIndex(
            client,
            REGISTRY.reference("library/busybox:multi"),
            List.of(
                Platform.LINUX_AMD64,
                Platform.parse("linux/arm64/v8"),
                Platform.parse("linux/arm/v6")));
  }

  @Test
  void busyboxImage_builtTwice_sameDigests() throws Exception {
    BusyboxImage again = BusyboxImage.build(Platform.LINUX_AMD64);
    assertEquals(busybox.manifestDigest(), again.manifestDigest());
    assertEquals(busybox.layerDescriptor(), again.layerDescriptor());
    assertTrue(busybox.layerTar().length > 1_000_000, "the layer holds the busybox binary");
  }

  @Test
  void resolve_byTag_manifestAsPushed() throws Exception {
    ResolvedImage image =
        client.resolve(REGISTRY.reference("library/busybox"), Platform.LINUX_AMD64);
    assertEquals(busybox.manifest(), image.manifest());
    assertArrayEquals(busybox.manifestBytes(), image.manifestBytes());
    assertEquals(busybox.manifestDigest(), image.digest());
    assertEquals(Optional.of(busybox.manifestDigest()), image.reference().digest());
    assertEquals(Optional.empty(), image.index());
  }

  @Test
  void resolve_byDigest_sameManifest() throws Exception {
    ImageReference byDigest =
        new ImageReference(
            REGISTRY.host(), "library/busybox", "", Optional.of(busybox.manifestDigest()));
    ResolvedImage image = client.resolve(byDigest, Platform.LINUX_AMD64);
    assertEquals(busybox.manifest(), image.manifest());
  }

  @Test
  void fetchConfig_pushedConfig_parsedAndBytesExact() throws Exception {
    ResolvedImage image =
        client.resolve(REGISTRY.reference("library/busybox"), Platform.LINUX_AMD64);
    ImageConfig config = client.fetchConfig(image);
    assertEquals(busybox.config(), config);
    assertEquals(List.of("sh"), config.config().cmd());
    assertArrayEquals(busybox.configBytes(), client.fetchConfigBytes(image));
  }

  @Test
  void downloadLayers_busybox_verifiedFilesAndProgress() throws Exception {
    ResolvedImage image =
        client.resolve(REGISTRY.reference("library/busybox"), Platform.LINUX_AMD64);
    Map<Digest, long[]> last = new ConcurrentHashMap<>();
    client.downloadLayers(
        image,
        layer -> dir.resolve(layer.digest().hex()),
        (layer, done, total) -> last.put(layer.digest(), new long[] {done, total}));
    Descriptor layer = busybox.layerDescriptor();
    assertArrayEquals(busybox.layer(), Files.readAllBytes(dir.resolve(layer.digest().hex())));
    assertArrayEquals(new long[] {layer.size(), layer.size()}, last.get(layer.digest()));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no partial files remain");
    }
  }

  @Test
  void resolve_hubNameThroughMirror_servedByMirror() throws Exception {
    ResolvedImage image =
        REGISTRY.hubMirrorClient().resolve(ImageReference.parse("busybox"), Platform.LINUX_AMD64);
    assertEquals(busybox.manifestDigest(), image.digest());
    assertTrue(image.endpoint().mirror());
    assertEquals(
        "docker.io/library/busybox:latest@" + image.digest(), image.reference().toString());
  }

  @Test
  void resolve_index_selectsRequestedPlatform() throws Exception {
    ImageReference multi = REGISTRY.reference("library/busybox:multi");
    ResolvedImage amd = client.resolve(multi, Platform.LINUX_AMD64);
    ResolvedImage arm = client.resolve(multi, Platform.parse("linux/arm64"));
    ResolvedImage armV7 = client.resolve(multi, Platform.parse("linux/arm/v7"));
    assertEquals(indexDigest, amd.digest());
    assertEquals(3, amd.index().get().manifests().size());
    assertEquals("amd64", client.fetchConfig(amd).architecture());
    assertEquals("arm64", client.fetchConfig(arm).architecture());
    assertEquals(
        Optional.of(Platform.parse("linux/arm/v6")), armV7.manifestDescriptor().platform());
    assertFalse(amd.manifestDescriptor().equals(arm.manifestDescriptor()));
  }

  @Test
  void resolve_indexWithoutPlatform_noMatchingPlatformListsOffers() {
    NoMatchingPlatformException e =
        assertThrows(
            NoMatchingPlatformException.class,
            () ->
                client.resolve(
                    REGISTRY.reference("library/busybox:multi"), Platform.parse("linux/s390x")));
    assertTrue(e.getMessage().contains("linux/s390x"), e.getMessage());
    assertTrue(e.getMessage().contains("linux/arm64/v8"), e.getMessage());
  }

  @Test
  void resolve_unknownTag_notFoundWithRegistryCode() {
    ImageNotFoundException e =
        assertThrows(
            ImageNotFoundException.class,
            () -> client.resolve(REGISTRY.reference("library/busybox:nope"), Platform.LINUX_AMD64));
    assertTrue(
        e.getMessage().contains("manifest library/busybox:nope not found in " + REGISTRY.host()),
        e.getMessage());
    assertTrue(e.getMessage().contains("MANIFEST_UNKNOWN"), e.getMessage());
    assertTrue(e.getMessage().contains("check the image name and tag"), e.getMessage());
  }

  @Test
  void resolve_unknownRepository_notFound() {
    ImageNotFoundException e =
        assertThrows(
            ImageNotFoundException.class,
            () -> client.resolve(REGISTRY.reference("nobody/here:1"), Platform.LINUX_AMD64));
    assertTrue(e.getMessage().contains(REGISTRY.host() + "/nobody/here"), e.getMessage());
    assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
  }

  @Test
  void resolve_closedPort_unreachableNamesAddressAndMirrorVariable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    RegistryException e =
        assertThrows(
            RegistryUnreachableException.class,
            () ->
                client.resolve(
                    ImageReference.parse("127.0.0.1:" + port + "/app"), Platform.LINUX_AMD64));
    assertEquals(
        "cannot reach registry 127.0.0.1:"
            + port
            + " (connection refused); check the address or IECHOR_REGISTRY_MIRROR",
        e.getMessage());
  }

  @Test
  void push_newImageWithMount_pullsBackIdentical() throws Exception {
    ImageReference target = REGISTRY.reference("team/app:1.0");
    assertFalse(client.blobExists(target, busybox.layerDescriptor().digest()));
    assertTrue(client.mountBlob(target, busybox.layerDescriptor(), "library/busybox"));
    assertTrue(client.blobExists(target, busybox.layerDescriptor().digest()));
    ImageConfig config = busybox.config().withEnv("APP", "1").withWorkingDir("/app");
    byte[] configBytes = org.iechorfile.engine.image.json.ImageCodec.write(config);
    Descriptor configDescriptor = Descriptor.of(MediaTypes.OCI_CONFIG, configBytes);
    assertTrue(client.pushBlob(target, configDescriptor, configBytes));
    assertFalse(client.pushBlob(target, configDescriptor, configBytes), "second push skipped");
    Manifest manifest = Manifest.oci(configDescriptor, List.of(busybox.layerDescriptor()));
    Digest pushed = client.pushManifest(target, manifest);

    ResolvedImage pulled = client.resolve(target, Platform.LINUX_AMD64);
    assertEquals(pushed, pulled.digest());
    assertEquals(manifest, pulled.manifest());
    assertEquals(config, client.fetchConfig(pulled));
  }

  @Test
  void pushBlob_fromFile_uploadedAndDownloadable() throws Exception {
    ImageReference target = REGISTRY.reference("team/files:1");
    byte[] content =
        "layer content from a file\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("blob"), content);
    Descriptor blob = Descriptor.of(MediaTypes.OCI_LAYER, content);
    assertTrue(client.pushBlob(target, blob, file));
    assertTrue(client.blobExists(target, blob.digest()));
  }
}
