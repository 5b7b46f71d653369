package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.store.StoreLock;

/**
 * Garbage collection of the layers sessions write under {@code session/} in the store. The roots
 * are the layers open sessions can reach (published under {@code session/live/}, see {@link
 * LiveSet}) and those build-cache records point at; every other step layer, the short link and
 * record of each, the drafts of processes that are gone and stray temporary files are garbage.
 *
 * <p>A collection holds the store lock exclusively, so it waits for steps that are claiming a layer
 * at that moment, and they wait for it. Its cost grows with the number of layers and records, not
 * with the files in them: it reads small records and only walks a layer to delete it (or to size it
 * once when its record is missing). Thread-safe; never prints.
 */
public final class LayerCollector {

  private static final System.Logger LOG = System.getLogger(LayerCollector.class.getName());
  private static final String SNAPSHOT = "snapshot-";

  private final Path home;
  private final StepLayers layers;
  private final BuildCache cache;
  private final StoreLock lock;

  /** The collector of the store at {@code home}. */
  public LayerCollector(Path home) {
    this.home = home.toAbsolutePath().normalize();
    this.layers = new StepLayers(this.home);
    this.cache = new BuildCache(this.home);
    this.lock = org.iechorfile.engine.store.Store.lock(this.home);
  }

  /**
   * Removes the session layers nothing keeps, after dropping build-cache records as {@code pruning}
   * asks. Blocks while another process holds the store lock.
   *
   * @return what was removed
   * @throws IOException when the store cannot be read or a layer cannot be removed
   */
  public LayerCollection collect(Pruning pruning) throws IOException {
    return run(pruning).report();
  }

  /** What a collection removed, and the store snapshots open sessions stack their steps on. */
  record Outcome(LayerCollection report, Set<Digest> pinned) {}

  Outcome run(Pruning pruning) throws IOException {
    return lock.withExclusive(
        () -> {
          Live live = liveSessions();
          int dropped = pruning.dropCache() ? cache.clear() : evict(pruning.keepStorage());
          Set<String> roots = new HashSet<>(live.layers());
          for (BuildCache.Entry entry : cache.entries()) {
            if (layers.exists(entry.layer())) {
              roots.add(entry.layer());
            } else if (cache.drop(entry.key())) {
              dropped++;
            }
          }
          long bytes = 0;
          int removed = 0;
          for (String id : layerIds()) {
            if (!roots.contains(id)) {
              bytes += layers.remove(id);
              removed++;
            }
          }
          int drafts = removeDrafts(pruning.grace());
          int[] cacheMounts = pruning.dropCache() ? removeCacheMounts() : new int[2];
          sweepRecordsAndLinks();
          LayerCollection report =
              new LayerCollection(
                  removed,
                  bytes,
                  dropped,
                  live.dead(),
                  drafts,
                  cacheMounts[0],
                  live.open(),
                  cacheMounts[1]);
          LOG.log(System.Logger.Level.DEBUG, "session layers collected: {0}", report);
          return new Outcome(report, pinned(live.layers()));
        });
  }

  /**
   * Removes records and short links of layers that are gone (a store snapshot removed by the
   * store's own collection, for one); cheap, for after the store's collection.
   */
  void sweep() throws IOException {
    lock.withExclusive(
        () -> {
          sweepRecordsAndLinks();
          return null;
        });
  }

  /**
   * Removes the layers a closing session made or reused that no build-cache record and no other
   * open session keeps. Call it after {@link LiveSet#close()}.
   *
   * @return the number of layers removed
   */
  int release(Set<String> claimed) throws IOException {
    if (claimed.isEmpty()) {
      return 0;
    }
    return lock.withExclusive(
        () -> {
          Set<String> roots = new HashSet<>(liveSessions().layers());
          cache.entries().forEach(entry -> roots.add(entry.layer()));
          int removed = 0;
          for (String id : claimed) {
            if (!roots.contains(id) && !id.startsWith(SNAPSHOT)) {
              layers.remove(id);
              removed++;
            }
          }
          return removed;
        });
  }

  /** The layers open sessions list, and how many closed-by-crash sessions were cleared. */
  private record Live(Set<String> layers, int dead, int open) {}

  private Live liveSessions() throws IOException {
    Path directory = LiveSet.directory(home);
    Set<String> ids = new HashSet<>();
    int dead = 0;
    Set<String> held = new HashSet<>();
    for (Path file : children(directory)) {
      String name = file.getFileName().toString();
      if (name.endsWith(LiveSet.LOCK)) {
        String session = name.substring(0, name.length() - LiveSet.LOCK.length());
        if (OwnerLock.isHeld(file)) {
          held.add(session);
        } else {
          dead++;
        }
      }
    }
    for (Path file : children(directory)) {
      String name = file.getFileName().toString();
      String session = name.substring(0, name.indexOf('.') < 0 ? name.length() : name.indexOf('.'));
      if (!held.contains(session)) {
        Files.deleteIfExists(file);
      } else if (name.equals(session + LiveSet.LIST)) {
        ids.addAll(lines(file));
      }
    }
    return new Live(ids, dead, held.size());
  }

  /**
   * Removes the directories behind {@code RUN --mount=type=cache}, as {@code docker builder prune}
   * does, except those a running step has mounted.
   *
   * @return how many were removed and how many were kept in use
   */
  private int[] removeCacheMounts() throws IOException {
    int removed = 0;
    int inUse = 0;
    for (Path dir : children(RunMounts.cacheMountsDirectory(home))) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      if (CacheMountUse.removeIfUnused(dir)) {
        removed++;
      } else {
        inUse++;
      }
    }
    return new int[] {removed, inUse};
  }

  /** Forgets the least recently used records until the cache's layers fit in {@code limit}. */
  private int evict(long limit) throws IOException {
    if (limit == Pruning.NO_LIMIT) {
      return 0;
    }
    List<BuildCache.Entry> entries = cache.entries();
    Map<String, Integer> uses = new HashMap<>();
    Map<String, Long> sizes = new HashMap<>();
    long total = 0;
    for (BuildCache.Entry entry : entries) {
      if (uses.merge(entry.layer(), 1, Integer::sum) == 1) {
        long size = layers.exists(entry.layer()) ? layers.bytes(entry.layer()) : 0;
        sizes.put(entry.layer(), size);
        total += size;
      }
    }
    int dropped = 0;
    for (BuildCache.Entry entry : entries) {
      if (total <= limit) {
        break;
      }
      if (cache.drop(entry.key())) {
        dropped++;
      }
      if (uses.merge(entry.layer(), -1, Integer::sum) == 0) {
        total -= sizes.get(entry.layer());
      }
    }
    return dropped;
  }

  /** The step layers: directories under {@code session/layers}. */
  private List<String> layerIds() throws IOException {
    List<String> ids = new ArrayList<>();
    for (Path entry : children(layers.layerDirectory())) {
      if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        ids.add(entry.getFileName().toString());
      }
    }
    return ids;
  }

  /**
   * Removes drafts whose lock no running process holds (a crashed step's, or a failed step's of a
   * session that is gone), drafts without a lock (made by an earlier version) and temporary files
   * older than {@code grace}.
   */
  private int removeDrafts(Duration grace) throws IOException {
    Path scratch = layers.scratchDirectory();
    long cutoff = System.currentTimeMillis() - grace.toMillis();
    int removed = 0;
    for (Path entry : children(scratch)) {
      String name = entry.getFileName().toString();
      if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        Path lock = scratch.resolve(name + LiveSet.LOCK);
        boolean dead =
            Files.exists(lock, LinkOption.NOFOLLOW_LINKS)
                ? !OwnerLock.isHeld(lock)
                : modified(entry) <= cutoff;
        if (dead) {
          StepLayers.delete(entry);
          removed++;
        }
      } else if (name.endsWith(LiveSet.LOCK)) {
        OwnerLock.isHeld(entry);
      } else if (modified(entry) <= cutoff) {
        Files.deleteIfExists(entry);
      }
    }
    return removed;
  }

  /** Records and export notes whose layer is gone, and short links whose target is gone. */
  private void sweepRecordsAndLinks() throws IOException {
    for (Path entry : children(layers.layerDirectory())) {
      String name = entry.getFileName().toString();
      if (name.endsWith(".link") && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
        String id = name.substring(0, name.length() - ".link".length());
        if (!layers.exists(id) && !Files.isDirectory(snapshotDirectory(id))) {
          layers.remove(id);
        }
      }
    }
    for (Path memo : children(layers.exportDirectory())) {
      String id = memo.getFileName().toString();
      if (!id.endsWith(".tmp") && !layers.exists(id) && !Files.isDirectory(snapshotDirectory(id))) {
        Files.deleteIfExists(memo);
      }
    }
    for (Path link : children(layers.linkDirectory())) {
      if (Files.isSymbolicLink(link) && !Files.exists(link)) {
        Files.deleteIfExists(link);
      }
    }
  }

  /**
   * Where the store keeps the snapshot behind a {@code snapshot-HEX} layer (nowhere for others).
   */
  private Path snapshotDirectory(String id) {
    return id.startsWith(SNAPSHOT) && id.length() > SNAPSHOT.length()
        ? home.resolve("snapshots").resolve(id.substring(SNAPSHOT.length()))
        : home.resolve("snapshots").resolve("-");
  }

  private static Set<Digest> pinned(Set<String> ids) {
    Set<Digest> pinned = new HashSet<>();
    for (String id : ids) {
      String hex = id.startsWith(SNAPSHOT) ? id.substring(SNAPSHOT.length()) : "";
      if (hex.matches("[a-f0-9]{64}")) {
        pinned.add(new Digest("sha256", hex));
      }
    }
    return pinned;
  }

  private static long modified(Path file) throws IOException {
    try {
      return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
    } catch (NoSuchFileException e) {
      return Long.MAX_VALUE;
    }
  }

  private static List<String> lines(Path file) throws IOException {
    try {
      return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }

  private static List<Path> children(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(directory)) {
      return list.toList();
    }
  }
}
