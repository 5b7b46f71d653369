package org.iechorfile.engine.registry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.Manifest;
import org.iechorfile.engine.image.MediaTypes;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.image.json.ImageCodec;
import org.iechorfile.engine.registry.FakeServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RegistryClientTest {

  private static final byte[] CONFIG =
      "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
          .getBytes(UTF_8);
  private static final byte[] LAYER = "layer bytes".getBytes(UTF_8);
  private static final Manifest MANIFEST =
      Manifest.oci(
          Descriptor.of(MediaTypes.OCI_CONFIG, CONFIG),
          List.of(Descriptor.of(MediaTypes.OCI_LAYER_GZIP, LAYER)));

  private final FakeServer registry = new FakeServer();
  private final FakeServer other = new FakeServer();
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final AtomicInteger tokens = new AtomicInteger();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    registry.close();
    other.close();
  }

  private RegistryClient client(CredentialSource credentials) {
    return new RegistryClient(
        RegistryClient.defaultHttpClient(),
        clock,
        credentials,
        RegistryMirrors.NONE,
        2,
        Duration.ofMillis(1));
  }

  private ImageReference ref(String name) throws InvalidReferenceException {
    return ImageReference.parse(registry.host() + "/" + name);
  }

  /** Serves MANIFEST, CONFIG and LAYER under repository "r", all behind bearer tokens. */
  private void serveWithTokens(String realm) {
    registry.on(
        "/token",
        request -> {
          int n = tokens.incrementAndGet();
          return Answer.json(200, "{\"token\":\"tok-" + n + "\",\"expires_in\":300}");
        });
    byte[] manifest = ImageCodec.write(MANIFEST);
    registry.on(
        "/v2/r/manifests/1",
        guarded(realm, new Answer(200, Map.of("Content-Type", MediaTypes.OCI_MANIFEST), manifest)));
    registry.on(
        "/v2/r/blobs/" + MANIFEST.config().digest(),
        guarded(realm, new Answer(200, Map.of(), CONFIG)));
  }

  private FakeServer.Route guarded(String realm, Answer answer) {
    return request -> {
      if (request.header("Authorization").startsWith("Bearer tok-")) {
        return answer;
      }
      return new Answer(
          401,
          Map.of(
              "WWW-Authenticate",
              "Bearer realm=\"" + realm + "\",service=\"fake\",scope=\"repository:r:pull\""),
          "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}"
              .getBytes(UTF_8));
    };
  }

  @Test
  void resolve_bearerChallenge_tokenCachedUntilExpiry() throws Exception {
    serveWithTokens(registry.url("/token"));
    RegistryClient client = client(CredentialSource.ANONYMOUS);
    ResolvedImage image = client.resolve(ref("r:1"), Platform.LINUX_AMD64);
    client.fetchConfig(image);
    client.resolve(ref("r:1"), Platform.LINUX_AMD64);
    assertEquals(1, tokens.get());
    FakeServer.Received tokenRequest = registry.received("/token").get(0);
    assertTrue(tokenRequest.uri().contains("service=fake"), tokenRequest.uri());
    assertTrue(tokenRequest.uri().contains("scope=repository%3Ar%3Apull"), tokenRequest.uri());
    assertEquals("", tokenRequest.header("Authorization"));

    clock.advance(Duration.ofSeconds(301));
    client.resolve(ref("r:1"), Platform.LINUX_AMD64);
    assertEquals(2, tokens.get());
  }

  @Test
  void resolve_credentials_tokenRequestCarriesBasic() throws Exception {
    serveWithTokens(registry.url("/token"));
    client(StaticCredentials.of(registry.host(), "u", "p"))
        .resolve(ref("r:1"), Platform.LINUX_AMD64);
    assertEquals(
        Credentials.password("u", "p").basicHeader(),
        registry.received("/token").get(0).header("Authorization"));
  }

  @Test
  void resolve_identityToken_postsRefreshGrant() throws Exception {
    serveWithTokens(registry.url("/token"));
    CredentialSource source =
        name -> java.util.Optional.of(new Credentials("<token>", "refresh-1", true));
    client(source).resolve(ref("r:1"), Platform.LINUX_AMD64);
    FakeServer.Received post = registry.received("/token").get(0);
    assertEquals("POST", post.method());
    assertTrue(post.body().contains("grant_type=refresh_token"), post.body());
    assertTrue(post.body().contains("refresh_token=refresh-1"), post.body());
  }

  @Test
  void resolve_plainHttpRealmElsewhere_refusedBeforeSending() throws Exception {
    serveWithTokens("http://auth.example.invalid/token");
    RegistryProtocolException e =
        assertThrows(
            RegistryProtocolException.class,
            () -> client(CredentialSource.ANONYMOUS).resolve(ref("r:1"), Platform.LINUX_AMD64));
    assertTrue(e.getMessage().contains("neither HTTPS nor on this machine"), e.getMessage());
  }

  @Test
  void downloadBlob_redirectToOtherHost_dropsAuthorization() throws Exception {
    serveWithTokens(registry.url("/token"));
    Digest layer = MANIFEST.layers().get(0).digest();
    registry.on(
        "/v2/r/blobs/" + layer,
        guarded(
            registry.url("/token"),
            new Answer(307, Map.of("Location", other.url("/storage/layer")), new byte[0])));
    other.on("/storage/layer", request -> new Answer(200, Map.of(), LAYER));
    RegistryClient client = client(CredentialSource.ANONYMOUS);
    ResolvedImage image = client.resolve(ref("r:1"), Platform.LINUX_AMD64);
    Path target = dir.resolve("layer");
    client.downloadBlob(image, MANIFEST.layers().get(0), target, PullProgressListener.NONE);
    assertEquals("layer bytes", Files.readString(target));
    assertEquals("", other.received("/storage/layer").get(0).header("Authorization"));
  }

  @Test
  void resolve_manifestWithoutMediaType_contentTypeUsed() throws Exception {
    String json =
        new String(ImageCodec.write(MANIFEST), UTF_8)
            .replace("\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",", "");
    registry.on(
        "/v2/r/manifests/1",
        request ->
            new Answer(200, Map.of("Content-Type", MediaTypes.OCI_MANIFEST), json.getBytes(UTF_8)));
    ResolvedImage image =
        client(CredentialSource.ANONYMOUS).resolve(ref("r:1"), Platform.LINUX_AMD64);
    assertEquals(MANIFEST, image.manifest());
    assertEquals(Digest.sha256(json), image.digest());
  }

  @Test
  void resolve_artifactMediaType_protocolErrorSaysNotAnImage() throws Exception {
    registry.on(
        "/v2/r/manifests/1",
        request ->
            new Answer(
                200,
                Map.of("Content-Type", "application/vnd.example+json"),
                "{\"mediaType\":\"application/vnd.example+json\"}".getBytes(UTF_8)));
    RegistryProtocolException e =
        assertThrows(
            RegistryProtocolException.class,
            () -> client(CredentialSource.ANONYMOUS).resolve(ref("r:1"), Platform.LINUX_AMD64));
    assertTrue(e.getMessage().contains("not an image manifest or index"), e.getMessage());
  }

  @Test
  void resolve_unauthorizedWithoutChallenge_registryMessageReported() throws Exception {
    registry.on(
        "/v2/r/manifests/1",
        request ->
            Answer.json(
                403,
                "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"requested access to the resource is denied\"}]}"));
    UnauthorizedException e =
        assertThrows(
            UnauthorizedException.class,
            () -> client(CredentialSource.ANONYMOUS).resolve(ref("r:1"), Platform.LINUX_AMD64));
    assertTrue(
        e.getMessage().contains("DENIED: requested access to the resource is denied"),
        e.getMessage());
  }

  @Test
  void resolve_mirrorUnreachable_fallsBackToRegistry() throws Exception {
    registry.on(
        "/v2/library/busybox/manifests/latest",
        request -> new Answer(200, Map.of(), ImageCodec.write(MANIFEST)));
    int closed;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    RegistryClient client =
        new RegistryClient(
            RegistryClient.defaultHttpClient(),
            clock,
            CredentialSource.ANONYMOUS,
            RegistryMirrors.parse(registry.host() + "=http://127.0.0.1:" + closed),
            1,
            Duration.ofMillis(1));
    ResolvedImage image =
        client.resolve(
            ImageReference.parse(registry.host() + "/library/busybox"), Platform.LINUX_AMD64);
    assertEquals(MANIFEST, image.manifest());
    assertEquals(false, image.endpoint().mirror());
  }

  @Test
  void registryErrors_describe_codesOrTextExcerpt() {
    assertEquals(
        "HTTP 404 MANIFEST_UNKNOWN: manifest unknown; NAME_UNKNOWN: repo",
        RegistryErrors.describe(
            404,
            "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"},{\"code\":\"NAME_UNKNOWN\",\"message\":\"repo\"}]}"
                .getBytes(UTF_8)));
    assertEquals(
        "HTTP 502: Bad Gateway", RegistryErrors.describe(502, "Bad Gateway\n".getBytes(UTF_8)));
    assertEquals("HTTP 500", RegistryErrors.describe(500, new byte[0]));
  }
}
