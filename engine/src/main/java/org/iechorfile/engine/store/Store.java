package org.iechorfile.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.tar.LayerExtractor;
import org.iechorfile.engine.tar.OverlayNamespace;

/**
 * The local store under {@code IECHOR_HOME}: content-addressed {@linkplain #blobs() blobs},
 * unpacked layer {@linkplain #snapshots() snapshots}, image {@linkplain #names() names} and the
 * {@linkplain #buildCache() build cache}. Several processes (kernels, a REPL, a build) may use one
 * store at once: every write is atomic, writers hold a store-wide lock shared, and {@link #gc}
 * holds it exclusively.
 *
 * <p>Layout: {@code blobs/sha256/HEX}, {@code snapshots/HEX}, {@code refs/NAME}, {@code
 * cache/KEYHASH.json}, {@code locks/}, {@code tmp/}, {@code store.lock}.
 *
 * <p>Thread-safe. Never prints.
 */
public final class Store {

  private final Path root;
  private final BlobStore blobs;
  private final SnapshotStore snapshots;
  private final ImageNames names;
  private final BuildCache buildCache;
  private final GarbageCollector collector;

  private Store(Path root, OverlayNamespace overlay) throws IOException {
    this.root = root;
    Path tmp = Files.createDirectories(root.resolve("tmp"));
    Path locks = Files.createDirectories(root.resolve("locks"));
    StoreLock lock = lock(root);
    this.blobs =
        new BlobStore(Files.createDirectories(root.resolve("blobs").resolve("sha256")), tmp, lock);
    this.snapshots =
        new SnapshotStore(
            Files.createDirectories(root.resolve("snapshots")),
            locks,
            lock,
            new LayerExtractor(overlay));
    this.names = new ImageNames(Files.createDirectories(root.resolve("refs")), tmp, lock);
    this.buildCache = new BuildCache(Files.createDirectories(root.resolve("cache")), tmp, lock);
    this.collector = new GarbageCollector(blobs, snapshots, names, buildCache, tmp, lock);
  }

  /**
   * Opens (creating if needed) the store at {@code root}, with overlay attributes in {@code
   * overlay}'s namespace.
   */
  public static Store open(Path root, OverlayNamespace overlay) throws IOException {
    Objects.requireNonNull(overlay, "overlay");
    return new Store(Files.createDirectories(root).toAbsolutePath().normalize(), overlay);
  }

  /**
   * Where the store lives: {@code $IECHOR_HOME}, else {@code $XDG_DATA_HOME/iechorfile}, else
   * {@code $HOME/.local/share/iechorfile}.
   *
   * @param environment the process environment ({@link System#getenv()} in production)
   */
  public static Path defaultRoot(Map<String, String> environment) {
    String home = environment.getOrDefault("IECHOR_HOME", "");
    if (!home.isBlank()) {
      return Path.of(home);
    }
    String data = environment.getOrDefault("XDG_DATA_HOME", "");
    if (!data.isBlank()) {
      return Path.of(data, "iechorfile");
    }
    String user = environment.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(user, ".local", "share", "iechorfile");
  }

  /** The store's directory. */
  public Path root() {
    return root;
  }

  /** Content-addressed blobs (manifests, configs, compressed layers). */
  public BlobStore blobs() {
    return blobs;
  }

  /** Unpacked layers, one directory per diff_id. */
  public SnapshotStore snapshots() {
    return snapshots;
  }

  /** Image names and the manifests they point at. */
  public ImageNames names() {
    return names;
  }

  /** The build cache. */
  public BuildCache buildCache() {
    return buildCache;
  }

  /**
   * Removes blobs and snapshots that no image name or cache record refers to, and that were not
   * written or unpacked within {@code grace} (so a pull or build still in progress elsewhere keeps
   * what it has fetched but not yet named). Blocks until no writer in any process holds the store;
   * writers wait for it in turn.
   */
  public GcReport gc(Duration grace) throws IOException {
    return collector.collect(grace, Set.of());
  }

  /**
   * As {@link #gc(Duration)}, keeping also the snapshots in {@code pinned} (those that open
   * sessions stack their steps on, whether or not an image name still refers to them).
   */
  public GcReport gc(Duration grace, Set<Digest> pinned) throws IOException {
    return collector.collect(grace, Set.copyOf(pinned));
  }

  /** The store-wide lock (see {@link StoreLock}) of the store at {@code root}. */
  public static StoreLock lock(Path root) {
    return StoreLock.of(root.toAbsolutePath().normalize().resolve("store.lock"));
  }

  /** Every named image with its digest and size, sorted by name, for {@code iechorfile images}. */
  public List<ImageSummary> images() throws IOException {
    return collector.summaries();
  }
}
