package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.iechorfile.engine.images.ImageLibrary;
import org.iechorfile.engine.registry.DockerConfigCredentials;
import org.iechorfile.engine.registry.RegistryClient;
import org.iechorfile.engine.registry.RegistryMirrors;
import org.iechorfile.engine.sandbox.LinuxSandbox;
import org.iechorfile.engine.spi.Sandbox;
import org.iechorfile.engine.store.Store;
import org.iechorfile.engine.tar.OverlayNamespace;

/**
 * Everything a front end needs to start sessions, set up from the environment: the store under
 * {@code IECHOR_HOME}, the registry client (mirrors from {@code IECHOR_REGISTRY_MIRROR},
 * credentials from {@code ~/.iechor/config.json} then {@code ~/.docker/config.json}), the image
 * library and the sandbox.
 */
public final class Workspace {

  private final Path home;
  private final Store store;
  private final RegistryClient registry;
  private final ImageLibrary images;
  private final Sandbox sandbox;
  private final Clock clock;

  private Workspace(Path home, Store store, RegistryClient registry, Sandbox sandbox, Clock clock) {
    this.home = home;
    this.store = store;
    this.registry = registry;
    this.images = new ImageLibrary(store, registry);
    this.sandbox = sandbox;
    this.clock = clock;
  }

  /**
   * The workspace for {@code environment} (normally {@link System#getenv()}).
   *
   * @throws IOException when the store cannot be created or opened
   */
  public static Workspace fromEnvironment(Map<String, String> environment) throws IOException {
    Path home = Store.defaultRoot(environment).toAbsolutePath().normalize();
    Store store = Store.open(home, OverlayNamespace.current());
    Path userHome = Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")));
    Clock clock = Clock.systemUTC();
    RegistryClient registry =
        new RegistryClient(
            RegistryClient.defaultHttpClient(),
            clock,
            DockerConfigCredentials.inHome(userHome, environment),
            RegistryMirrors.fromEnvironment(environment));
    return new Workspace(home, store, registry, new LinuxSandbox(clock), clock);
  }

  /** A session builder with this workspace's store, sandbox and images already set. */
  public Session.Builder newSession() {
    return Session.builder()
        .home(home)
        .sandbox(sandbox)
        .images(new StoreImages(images, home))
        .clock(clock);
  }

  /** The store's directory. */
  public Path home() {
    return home;
  }

  /** The local store. */
  public Store store() {
    return store;
  }

  /** The registry client. */
  public RegistryClient registry() {
    return registry;
  }

  /** The user's images: the store, pulling from registries when needed. */
  public ImageLibrary images() {
    return images;
  }

  /** The sandbox that runs RUN steps. */
  public Sandbox sandbox() {
    return sandbox;
  }
}
