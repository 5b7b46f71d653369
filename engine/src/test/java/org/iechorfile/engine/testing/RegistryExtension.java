package org.iechorfile.engine.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.iechorfile.engine.registry.CredentialSource;
import org.iechorfile.engine.registry.ImageReference;
import org.iechorfile.engine.registry.InvalidReferenceException;
import org.iechorfile.engine.registry.RegistryClient;
import org.iechorfile.engine.registry.RegistryMirrors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts Debian's {@code docker-registry} (distribution 2.8) on a free loopback port with its own
 * temporary storage before the tests of a class, and stops it afterwards. Register it on a static
 * field with {@code @RegisterExtension}. Optionally with Basic auth ({@code htpasswd -B}) or with
 * token auth against a {@link TokenServer} on loopback. A missing binary fails the tests with a
 * message naming the Debian package; nothing is skipped.
 */
public final class RegistryExtension implements BeforeAllCallback, AfterAllCallback {
  private static final Duration STARTUP = Duration.ofSeconds(20);

  private enum Auth {
    NONE,
    BASIC,
    TOKEN
  }

  private final Auth auth;
  private final String username;
  private final String password;
  private TokenServer tokenServer;
  private Path directory;
  private Process process;
  private int port;

  private RegistryExtension(Auth auth, String username, String password) {
    this.auth = auth;
    this.username = username;
    this.password = password;
  }

  /** A registry anyone may pull from and push to. */
  public static RegistryExtension open() {
    return new RegistryExtension(Auth.NONE, "", "");
  }

  /** A registry that demands Basic auth as {@code username}/{@code password}. */
  public static RegistryExtension withBasicAuth(String username, String password) {
    return new RegistryExtension(Auth.BASIC, username, password);
  }

  /**
   * A registry that demands bearer tokens from a loopback {@link TokenServer}, which grants pull to
   * anyone and push to {@code username}/{@code password}.
   */
  public static RegistryExtension withTokenAuth(String username, String password) {
    return new RegistryExtension(Auth.TOKEN, username, password);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Path binary = ExternalTools.require("docker-registry", "docker-registry");
    directory = Files.createTempDirectory("registry-");
    Files.createDirectories(directory.resolve("storage"));
    String authSection = authSection();
    IOException last = null;
    for (int attempt = 0; attempt < 3 && process == null; attempt++) {
      port = freePort();
      Path config = directory.resolve("config.yml");
      Files.writeString(config, config(authSection));
      Path log = directory.resolve("registry.log");
      Process started =
          new ProcessBuilder(List.of(binary.toString(), "serve", config.toString()))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      try {
        awaitReady(started, log);
        process = started;
      } catch (IOException e) {
        last = e;
        destroy(started);
      }
    }
    if (process == null) {
      throw new ExtensionConfigurationException("docker-registry did not start", last);
    }
  }

  private String authSection() throws IOException, InterruptedException {
    switch (auth) {
      case BASIC -> {
        Path htpasswd = ExternalTools.require("htpasswd", "apache2-utils");
        String line =
            ExternalTools.run(List.of(htpasswd.toString(), "-Bbn", username, password)).strip();
        Path file = directory.resolve("htpasswd");
        Files.writeString(file, line + "\n");
        return "auth:\n  htpasswd:\n    realm: test-registry\n    path: " + file + "\n";
      }
      case TOKEN -> {
        tokenServer = TokenServer.start(directory.resolve("token"), username, password);
        return "auth:\n  token:\n    realm: "
            + tokenServer.realm()
            + "\n    service: "
            + TokenServer.SERVICE
            + "\n    issuer: "
            + TokenServer.ISSUER
            + "\n    rootcertbundle: "
            + tokenServer.certificate()
            + "\n";
      }
      default -> {
        return "";
      }
    }
  }

  private String config(String authSection) {
    return "version: 0.1\n"
        + "log:\n  level: warn\n  accesslog:\n    disabled: true\n"
        + "storage:\n  filesystem:\n    rootdirectory: "
        + directory.resolve("storage")
        + "\n  delete:\n    enabled: true\n"
        + "  maintenance:\n    uploadpurging:\n      enabled: false\n"
        + "http:\n  addr: 127.0.0.1:"
        + port
        + "\n  secret: registry-extension\n"
        + authSection;
  }

  private void awaitReady(Process started, Path log) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ping = HttpRequest.newBuilder(URI.create(uri() + "/v2/")).GET().build();
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      if (!started.isAlive()) {
        throw new IOException(
            "docker-registry exited with status "
                + started.exitValue()
                + ": "
                + Files.readString(log).strip());
      }
      try {
        int status = http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200 || status == 401) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet: poll again.
      }
      Thread.sleep(50);
    }
    throw new IOException(
        "docker-registry did not answer GET /v2/ within "
            + STARTUP.toSeconds()
            + " s; its log: "
            + Files.readString(log).strip());
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (process != null) {
      destroy(process);
      process = null;
    }
    if (tokenServer != null) {
      tokenServer.close();
      tokenServer = null;
    }
    if (directory != null) {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
      directory = null;
    }
  }

  private static void destroy(Process started) throws InterruptedException {
    started.descendants().forEach(ProcessHandle::destroy);
    started.destroy();
    if (!started.waitFor(10, TimeUnit.SECONDS)) {
      started.descendants().forEach(ProcessHandle::destroyForcibly);
      started.destroyForcibly();
      started.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** {@code 127.0.0.1:PORT}, the registry part of image references. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  /** {@code http://127.0.0.1:PORT}. */
  public URI uri() {
    return URI.create("http://" + host());
  }

  /** The token server, for a registry with token auth. */
  public Optional<TokenServer> tokenServer() {
    return Optional.ofNullable(tokenServer);
  }

  /** The directory the registry stores blobs and manifests in. */
  public Path storage() {
    return directory.resolve("storage");
  }

  /** {@code 127.0.0.1:PORT/nameAndTag}, parsed. */
  public ImageReference reference(String nameAndTag) {
    try {
      return ImageReference.parse(host() + "/" + nameAndTag);
    } catch (InvalidReferenceException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** A client with {@code credentials}, no mirrors and the system clock. */
  public RegistryClient client(CredentialSource credentials) {
    return new RegistryClient(
        RegistryClient.defaultHttpClient(), Clock.systemUTC(), credentials, RegistryMirrors.NONE);
  }

  /**
   * Builds the busybox test image and pushes it as {@code library/busybox:latest}, the mirror of
   * Docker Hub's {@code busybox}; returns the image.
   */
  public BusyboxImage pushBusybox(CredentialSource credentials) throws Exception {
    BusyboxImage image = BusyboxImage.build(org.iechorfile.engine.image.Platform.LINUX_AMD64);
    image.pushTo(client(credentials), reference("library/busybox:latest"));
    return image;
  }

  /** A client whose Docker Hub mirror is this registry, as {@code IECHOR_REGISTRY_MIRROR} sets. */
  public RegistryClient hubMirrorClient() {
    return new RegistryClient(
        RegistryClient.defaultHttpClient(),
        Clock.systemUTC(),
        CredentialSource.ANONYMOUS,
        RegistryMirrors.parse("docker.io=" + uri()));
  }
}
