package org.iechorfile.engine.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iechorfile.engine.CacheOutcome;

/**
 * The persistent build cache: for a step's cache key, the id of the layer it produced. Shared by
 * every session and process using the store; records are written to a temporary file and renamed
 * into place, so readers never see half a record.
 */
final class BuildCache {

  private static final System.Logger LOG = System.getLogger(BuildCache.class.getName());
  private static final String LAST = ".last";

  private final Path records;
  private final Path scratch;

  BuildCache(Path home) {
    this.records = home.resolve("session").resolve("cache");
    this.scratch = home.resolve("session").resolve("drafts");
    try {
      Files.createDirectories(records);
      Files.createDirectories(scratch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the build cache in " + home, e);
    }
  }

  /**
   * The layer recorded for {@code key}. A hit marks the record as used now, so that {@code gc
   * --keep-storage} drops the least recently used records first.
   */
  Optional<String> layer(String key) throws IOException {
    Path record = records.resolve(key);
    String layer;
    try {
      layer = Files.readString(record).strip();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    try {
      Files.setLastModifiedTime(record, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException e) {
      // Dropped meanwhile, or another user's record: the hit stands, only its age is off.
      LOG.log(System.Logger.Level.DEBUG, "cannot mark cache record {0} as used", key);
    }
    return Optional.of(layer);
  }

  /**
   * One record: a step's cache key and the layer it produced.
   *
   * @param key the cache key
   * @param layer the layer's id
   * @param lastUsed when the record was written or last hit
   */
  record Entry(String key, String layer, FileTime lastUsed) {}

  /** Every record, oldest use first; the notes on earlier inputs are not records. */
  List<Entry> entries() throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (Path file : files()) {
      String key = file.getFileName().toString();
      if (key.endsWith(LAST)) {
        continue;
      }
      try {
        FileTime used = Files.getLastModifiedTime(file);
        entries.add(new Entry(key, Files.readString(file).strip(), used));
      } catch (NoSuchFileException e) {
        // dropped meanwhile
      }
    }
    entries.sort(Comparator.comparing(Entry::lastUsed).thenComparing(Entry::key));
    return entries;
  }

  /** Forgets the record of {@code key}; returns whether there was one. */
  boolean drop(String key) throws IOException {
    return Files.deleteIfExists(records.resolve(key));
  }

  /** Records that {@code key} produced {@code layerId}. */
  void record(String key, String layerId) throws IOException {
    Path temp = Files.createTempFile(scratch, "cache", ".tmp");
    try {
      Files.writeString(temp, layerId + "\n");
      Files.move(temp, records.resolve(key), StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * The layer recorded for {@code key}, claimed from {@code layers} when its files are still there;
   * a hit is remembered as the last step on {@code parent}.
   */
  Optional<LayerRef> reuse(StepLayers layers, String key, String parent, List<String> parts)
      throws IOException {
    Optional<String> cached = layer(key);
    Optional<LayerRef> reused = cached.isPresent() ? layers.claim(cached.get()) : Optional.empty();
    if (reused.isPresent()) {
      remember(parent, parts);
    }
    return reused;
  }

  /**
   * Why a step on {@code parent} with {@code parts} builds its layer: the cache is off, or how it
   * differs from the last step there.
   */
  CacheOutcome miss(boolean enabled, String parent, List<String> parts) throws IOException {
    return enabled
        ? new CacheOutcome(false, whyMissed(parent, parts))
        : new CacheOutcome(false, "the cache is off");
  }

  /**
   * Remembers what the step last applied on the state keyed {@code parent} used, so a later miss
   * can say which input changed.
   */
  void remember(String parent, List<String> parts) throws IOException {
    Path temp = Files.createTempFile(scratch, "last", ".tmp");
    try {
      Files.writeString(temp, String.join("\n", parts) + "\n");
      Files.move(temp, records.resolve(parent + LAST), StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Why {@code parts} missed the cache on the state keyed {@code parent}, in a few words. */
  String whyMissed(String parent, List<String> parts) throws IOException {
    List<String> last;
    try {
      last = List.of(Files.readString(records.resolve(parent + LAST)).split("\n"));
    } catch (NoSuchFileException e) {
      return "first run of this step on this parent";
    }
    Set<String> earlier = new HashSet<>(last);
    for (String part : parts) {
      if (!earlier.contains(part)) {
        return describe(part, last);
      }
    }
    Set<String> now = new HashSet<>(parts);
    for (String part : last) {
      if (part.startsWith(SourceDigests.PREFIX) && !now.contains(part) && sameStep(parts, last)) {
        return fileName(part) + " was removed";
      }
    }
    return "its earlier result is no longer in the store";
  }

  /** Whether both lists come from the same instruction (then a missing file was removed). */
  private static boolean sameStep(List<String> parts, List<String> last) {
    return !parts.isEmpty() && !last.isEmpty() && parts.get(0).equals(last.get(0));
  }

  private static String fileName(String part) {
    return part.substring(SourceDigests.PREFIX.length(), part.lastIndexOf('='));
  }

  private static String describe(String part, List<String> last) {
    if (part.startsWith(SourceDigests.PREFIX)) {
      String name = fileName(part);
      for (String old : last) {
        if (old.startsWith(SourceDigests.PREFIX) && fileName(old).equals(name)) {
          return name + " changed";
        }
      }
      return name + " is new";
    }
    if (part.startsWith("ARG ")) {
      String name = part.substring(4, part.indexOf('='));
      for (String old : last) {
        if (old.startsWith("ARG " + name + "=")) {
          return "ARG " + name + " changed";
        }
      }
      return "ARG " + name + " is new";
    }
    if (part.startsWith("mounted=")) {
      int end = part.indexOf('\u0000');
      return "the mounted "
          + part.substring("mounted=".length(), end < 0 ? part.length() : end)
          + " changed";
    }
    int eq = part.indexOf('=');
    String what = eq < 0 ? part : part.substring(0, eq);
    return switch (what) {
      case "command" -> "the command differs from the last run on this parent";
      case "mount" -> "the mounts changed";
      case "heredoc" -> "the heredoc changed";
      default -> what + " changed";
    };
  }

  /**
   * Forgets every record and note; the layers stay until nothing uses them.
   *
   * @return how many records there were (notes not counted)
   */
  int clear() throws IOException {
    int removed = 0;
    for (Path entry : files()) {
      if (Files.deleteIfExists(entry) && !entry.getFileName().toString().endsWith(LAST)) {
        removed++;
      }
    }
    return removed;
  }

  private List<Path> files() throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(records)) {
      entries.forEach(files::add);
    }
    return files;
  }
}
