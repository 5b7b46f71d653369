package org.iechorfile.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.tar.DirectoryTrees;

/**
 * Finds what image names and cache records keep alive (following indexes to manifests, manifests to
 * configs and layers, configs to diff_ids) and removes the rest, holding the store lock
 * exclusively.
 */
final class GarbageCollector {

  private static final System.Logger LOG = System.getLogger(GarbageCollector.class.getName());

  private final BlobStore blobs;
  private final SnapshotStore snapshots;
  private final ImageNames names;
  private final BuildCache cache;
  private final Path tmp;
  private final StoreLock lock;

  GarbageCollector(
      BlobStore blobs,
      SnapshotStore snapshots,
      ImageNames names,
      BuildCache cache,
      Path tmp,
      StoreLock lock) {
    this.blobs = blobs;
    this.snapshots = snapshots;
    this.names = names;
    this.cache = cache;
    this.tmp = tmp;
    this.lock = lock;
  }

  GcReport collect(Duration grace, Set<Digest> pinned) throws IOException {
    return lock.withExclusive(
        () -> {
          // Entries last used at or before the cutoff go: with no grace, everything unused until
          // now.
          long cutoff = System.currentTimeMillis() - grace.toMillis();
          Reachable live = reachableFromRoots();
          live.snapshots.addAll(pinned);
          GcReport blobReport = removeBlobs(live, cutoff);
          int snapshotsRemoved = removeSnapshots(live, cutoff);
          removeStaleTemporaryFiles(cutoff);
          GcReport report =
              new GcReport(blobReport.blobsRemoved(), snapshotsRemoved, blobReport.bytesFreed());
          LOG.log(System.Logger.Level.DEBUG, "gc: {0}", report);
          return report;
        });
  }

  /**
   * Removes what crashed writers left in {@code tmp/}. Only files older than the grace period go:
   * clients may download into {@code tmp/} without holding the store lock.
   */
  private void removeStaleTemporaryFiles(long cutoff) throws IOException {
    for (Path part : children(tmp)) {
      if (Files.getLastModifiedTime(part, java.nio.file.LinkOption.NOFOLLOW_LINKS).toMillis()
          <= cutoff) {
        DirectoryTrees.delete(part);
      }
    }
  }

  private Reachable reachableFromRoots() throws IOException {
    Reachable live = new Reachable();
    for (Digest manifest : names.list().values()) {
      live.manifest(manifest);
    }
    for (CacheRecord record : cache.records()) {
      record.blobs().forEach(live::manifest);
      live.snapshots.addAll(record.snapshots());
    }
    return live;
  }

  private GcReport removeBlobs(Reachable live, long cutoff) throws IOException {
    int removed = 0;
    long bytes = 0;
    for (Path file : children(blobs.directory())) {
      String hex = file.getFileName().toString();
      if (!live.blobs.contains(hex) && Files.getLastModifiedTime(file).toMillis() <= cutoff) {
        long size = Files.size(file);
        if (Files.deleteIfExists(file)) {
          removed++;
          bytes += size;
        }
      }
    }
    return new GcReport(removed, 0, bytes);
  }

  /**
   * Removes unreferenced snapshots, and the half-unpacked directories of processes that died while
   * unpacking (no one unpacks while gc holds the store).
   */
  private int removeSnapshots(Reachable live, long cutoff) throws IOException {
    int removed = 0;
    for (Digest diffId : snapshots.list()) {
      if (!live.snapshots.contains(diffId) && snapshots.lastUsed(diffId).toMillis() <= cutoff) {
        DirectoryTrees.delete(snapshots.path(diffId));
        Files.deleteIfExists(snapshots.lockFile(diffId));
        removed++;
      }
    }
    for (Path leftover : snapshots.leftovers()) {
      DirectoryTrees.delete(leftover);
    }
    return removed;
  }

  List<ImageSummary> summaries() throws IOException {
    List<ImageSummary> result = new ArrayList<>();
    for (Map.Entry<String, Digest> name : names.list().entrySet()) {
      Reachable reachable = new Reachable();
      reachable.manifest(name.getValue());
      long size = 0;
      boolean complete = true;
      for (Map.Entry<String, Long> blob : reachable.sizes.entrySet()) {
        var stored = blobs.find(new Digest("sha256", blob.getKey()));
        complete &= stored.isPresent();
        size += stored.map(Blob::size).orElse(blob.getValue());
      }
      result.add(new ImageSummary(name.getKey(), name.getValue(), size, complete));
    }
    return result;
  }

  private static List<Path> children(Path directory) throws IOException {
    try (Stream<Path> list = Files.list(directory)) {
      return list.toList();
    }
  }

  /** What a set of roots keeps alive; parses only manifests, indexes and configs. */
  private final class Reachable {
    final Set<String> blobs = new HashSet<>();
    final Set<Digest> snapshots = new HashSet<>();
    final Map<String, Long> sizes = new LinkedHashMap<>();

    void manifest(Digest digest) {
      if (!blobs.add(digest.hex())) {
        return;
      }
      sizes.putIfAbsent(digest.hex(), 0L);
      ManifestReferences references = parse(digest);
      references.children().forEach(this::manifest);
      for (int i = 0; i < references.blobs().size(); i++) {
        Digest blob = references.blobs().get(i);
        blobs.add(blob.hex());
        sizes.putIfAbsent(blob.hex(), references.blobSizes().get(i));
      }
      for (Digest config : references.configs()) {
        snapshots.addAll(parse(config).diffIds());
      }
    }

    private ManifestReferences parse(Digest digest) {
      try {
        return ManifestReferences.read(GarbageCollector.this.blobs.read(digest));
      } catch (IOException e) {
        return new ManifestReferences(List.of(), List.of(), List.of(), List.of(), List.of());
      }
    }
  }
}
