package org.iechorfile.engine.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.iechorfile.engine.images.ImageLibrary;
import org.iechorfile.engine.registry.DockerConfigCredentials;
import org.iechorfile.engine.registry.RegistryClient;
import org.iechorfile.engine.registry.RegistryMirrors;
import org.iechorfile.engine.sandbox.LinuxSandbox;
import org.iechorfile.engine.spi.Sandbox;
import org.iechorfile.engine.store.GcReport;
import org.iechorfile.engine.store.Store;
import org.iechorfile.engine.tar.OverlayNamespace;

/**
 * Everything a front end needs to start sessions, set up from the environment: the store under
 * {@code IECHOR_HOME}, the registry client (mirrors from {@code IECHOR_REGISTRY_MIRROR},
 * credentials from {@code ~/.iechor/config.json} then {@code ~/.docker/config.json}), the image
 * library and the sandbox. Thread-safe.
 */
public final class Workspace {

  /** Where the store keeps the sandbox program copied out of the jar. */
  private static final String PROGRAMS = "programs";

  private final Path home;
  private final Map<String, String> environment;
  private final Sandbox sandbox;
  private final Clock clock;
  private Store store;
  private RegistryClient registry;
  private ImageLibrary images;

  private Workspace(Path home, Map<String, String> environment, Sandbox sandbox, Clock clock) {
    this.home = home;
    this.environment = Map.copyOf(environment);
    this.sandbox = sandbox;
    this.clock = clock;
  }

  /**
   * The workspace for {@code environment} (normally {@link System#getenv()}). The store is opened
   * and the registry client made on first use, so that a front end can show its prompt first.
   *
   * @throws IOException when the store's directory cannot be created
   */
  public static Workspace fromEnvironment(Map<String, String> environment) throws IOException {
    Path home = Store.defaultRoot(environment).toAbsolutePath().normalize();
    Files.createDirectories(home);
    Clock clock = Clock.systemUTC();
    return new Workspace(home, environment, new LinuxSandbox(clock, home.resolve(PROGRAMS)), clock);
  }

  /**
   * A session builder with this workspace's store, sandbox and images already set, and the proxy
   * variables of the workspace's environment passed on to RUN.
   */
  public Session.Builder newSession() {
    BaseImages lazy =
        (reference, platform, progress) ->
            new StoreImages(images(), home).resolve(reference, platform, progress);
    return Session.builder()
        .home(home)
        .sandbox(sandbox)
        .images(lazy)
        .clock(clock)
        .proxiesFrom(environment);
  }

  /** The store's directory. */
  public Path home() {
    return home;
  }

  /**
   * The local store, opened on first use.
   *
   * @throws UncheckedIOException when the store cannot be opened
   */
  public synchronized Store store() {
    if (store == null) {
      try {
        store = Store.open(home, OverlayNamespace.current());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the store at " + home, e);
      }
    }
    return store;
  }

  /** The registry client, made on first use. */
  public synchronized RegistryClient registry() {
    if (registry == null) {
      Path userHome = Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")));
      registry =
          new RegistryClient(
              RegistryClient.defaultHttpClient(),
              clock,
              DockerConfigCredentials.inHome(userHome, environment),
              RegistryMirrors.fromEnvironment(environment));
    }
    return registry;
  }

  /** The user's images: the store, pulling from registries when needed. */
  public synchronized ImageLibrary images() {
    if (images == null) {
      images = new ImageLibrary(store(), registry());
    }
    return images;
  }

  /**
   * Collects garbage in the store: first the session layers nothing keeps (dropping build-cache
   * records as {@code pruning} asks, then keeping what open sessions in any process and the
   * remaining records use), then the store's blobs and snapshots no image name, cache record or
   * open session uses. Blocks while other processes hold the store lock; open sessions keep
   * working.
   *
   * @throws IOException when the store cannot be read or something cannot be removed
   */
  public GcSummary collectGarbage(Pruning pruning) throws IOException {
    LayerCollector collector = new LayerCollector(home);
    LayerCollector.Outcome layers = collector.run(pruning);
    if (pruning.dropCache()) {
      store().buildCache().clear();
    }
    GcReport blobs = store().gc(pruning.grace(), layers.pinned());
    collector.sweep();
    LinuxSandbox.removeOtherPrograms(home.resolve(PROGRAMS));
    return new GcSummary(layers.report(), blobs);
  }

  /** The sandbox that runs RUN steps. */
  public Sandbox sandbox() {
    return sandbox;
  }
}
