package org.iechorfile.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.testing.BusyboxImage;
import org.iechorfile.engine.testing.RegistryExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TamperingProxyIT {

  @RegisterExtension static final RegistryExtension REGISTRY = RegistryExtension.open();

  private static BusyboxImage busybox;
  private TamperingProxy proxy;
  private RegistryClient client;

  @TempDir Path dir;

  @BeforeAll
  static void push() throws Exception {
    busybox = REGISTRY.pushBusybox(CredentialSource.ANONYMOUS);
  }

  @BeforeEach
  void startProxy() throws Exception {
    proxy = TamperingProxy.start(REGISTRY.uri());
    client =
        new RegistryClient(
            RegistryClient.defaultHttpClient(),
            Clock.systemUTC(),
            CredentialSource.ANONYMOUS,
            RegistryMirrors.NONE,
            3,
            Duration.ofMillis(10));
  }

  @AfterEach
  void stopProxy() {
    proxy.close();
  }

  private ImageReference viaProxy(String name) throws Exception {
    return ImageReference.parse(proxy.host() + "/" + name);
  }

  @Test
  void downloadBlob_alteredLayer_digestMismatchAndNoFileLeft() throws Exception {
    ResolvedImage image = client.resolve(viaProxy("library/busybox"), Platform.LINUX_AMD64);
    proxy.tamperBlobs(true);
    Path target = dir.resolve("layer");
    DigestMismatchException e =
        assertThrows(
            DigestMismatchException.class,
            () -> client.downloadLayers(image, layer -> target, PullProgressListener.NONE));
    assertTrue(
        e.getMessage().contains("blob " + busybox.layerDescriptor().digest()), e.getMessage());
    assertTrue(e.getMessage().contains("has digest sha256:"), e.getMessage());
    assertTrue(e.getMessage().contains("Pull again"), e.getMessage());
    assertFalse(Files.exists(target));
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count(), "no partial file remains");
    }
  }

  @Test
  void fetchConfig_alteredConfig_digestMismatch() throws Exception {
    ResolvedImage image = client.resolve(viaProxy("library/busybox"), Platform.LINUX_AMD64);
    proxy.tamperBlobs(true);
    assertThrows(DigestMismatchException.class, () -> client.fetchConfig(image));
  }

  @Test
  void resolve_alteredManifestByTag_mismatchWithDockerContentDigest() throws Exception {
    proxy.tamperManifests(true);
    DigestMismatchException e =
        assertThrows(
            DigestMismatchException.class,
            () -> client.resolve(viaProxy("library/busybox"), Platform.LINUX_AMD64));
    assertTrue(e.getMessage().contains(busybox.manifestDigest() + " was expected"), e.getMessage());
  }

  @Test
  void resolve_alteredManifestByDigest_mismatch() throws Exception {
    proxy.tamperManifests(true);
    ImageReference byDigest =
        new ImageReference(
            proxy.host(), "library/busybox", "", Optional.of(busybox.manifestDigest()));
    assertThrows(
        DigestMismatchException.class, () -> client.resolve(byDigest, Platform.LINUX_AMD64));
  }

  @Test
  void resolve_twoServerErrors_retriedAndSucceeds() throws Exception {
    proxy.failNext(2);
    ResolvedImage image = client.resolve(viaProxy("library/busybox"), Platform.LINUX_AMD64);
    assertEquals(busybox.manifestDigest(), image.digest());
    assertEquals(3, proxy.requests());
  }

  @Test
  void resolve_persistentServerErrors_failsAfterThreeAttemptsWithMessage() throws Exception {
    proxy.failNext(10);
    RegistryProtocolException e =
        assertThrows(
            RegistryProtocolException.class,
            () -> client.resolve(viaProxy("library/busybox"), Platform.LINUX_AMD64));
    assertEquals(3, proxy.requests());
    assertTrue(e.getMessage().contains("HTTP 503 UNAVAILABLE: busy"), e.getMessage());
    assertTrue(e.getMessage().contains("try again later"), e.getMessage());
  }
}
