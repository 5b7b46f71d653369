package org.iechorfile.engine.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.tar.LayerExtractor;

/**
 * Unpacked layers under {@code snapshots/HEX}, one directory per diff_id, unpacked once and shared.
 * A per-snapshot lock (threads and processes) makes concurrent unpackers of one layer wait for the
 * first; they then reuse its result. A snapshot directory appears by an atomic rename, so one that
 * exists is complete.
 *
 * <p>Thread-safe.
 */
public final class SnapshotStore {

  /** Opens a layer blob; the caller of {@link #unpack} gets it closed. */
  @FunctionalInterface
  public interface Source {
    /** A fresh stream over the (possibly compressed) layer blob. */
    InputStream open() throws IOException;
  }

  private final Path directory;
  private final Path locks;
  private final StoreLock storeLock;
  private final LayerExtractor extractor;

  SnapshotStore(Path directory, Path locks, StoreLock storeLock, LayerExtractor extractor) {
    this.directory = directory;
    this.locks = locks;
    this.storeLock = storeLock;
    this.extractor = extractor;
  }

  /**
   * The snapshot of layer {@code diffId}, unpacking {@code source} first unless it exists. The
   * blob's content must match {@code diffId}; if it does not, nothing is kept.
   *
   * @throws org.iechorfile.engine.tar.UnsafeLayerException when the layer is hostile
   * @throws org.iechorfile.engine.tar.LayerFormatException when it is unreadable or mismatched
   */
  public Snapshot unpack(Digest diffId, Source source) throws IOException {
    Path target = path(diffId);
    return storeLock.withShared(
        () -> {
          if (isComplete(target)) {
            return new Snapshot(diffId, target, false);
          }
          return SnapshotLock.holding(
              lockFile(diffId),
              () -> {
                if (isComplete(target)) {
                  return new Snapshot(diffId, target, false);
                }
                try (InputStream in = source.open()) {
                  extractor.extract(in, target, diffId);
                }
                markUsed(diffId);
                return new Snapshot(diffId, target, true);
              });
        });
  }

  /**
   * Moves {@code upperDirectory} (a finished overlay upper dir on the same file system) into the
   * store as the snapshot of {@code diffId}. If that snapshot exists already, the existing one is
   * kept and {@code upperDirectory} is left where it is.
   */
  public Snapshot adopt(Path upperDirectory, Digest diffId) throws IOException {
    Path target = path(diffId);
    return storeLock.withShared(
        () -> {
          return SnapshotLock.holding(
              lockFile(diffId),
              () -> {
                if (isComplete(target)) {
                  return new Snapshot(diffId, target, false);
                }
                Files.move(upperDirectory, target, StandardCopyOption.ATOMIC_MOVE);
                markUsed(diffId);
                return new Snapshot(diffId, target, true);
              });
        });
  }

  /** The snapshot of {@code diffId}, if it has been unpacked. */
  public Optional<Path> find(Digest diffId) {
    Path target = path(diffId);
    return isComplete(target) ? Optional.of(target) : Optional.empty();
  }

  /** Every unpacked snapshot's diff_id. */
  public List<Digest> list() throws IOException {
    List<Digest> result = new ArrayList<>();
    try (Stream<Path> children = Files.list(directory)) {
      for (Path child : (Iterable<Path>) children::iterator) {
        String name = child.getFileName().toString();
        if (name.matches("[a-f0-9]{64}") && isComplete(child)) {
          result.add(new Digest("sha256", name));
        }
      }
    }
    result.sort((a, b) -> a.hex().compareTo(b.hex()));
    return result;
  }

  /** Directories that are not snapshots: what an unpacker that died left behind. */
  List<Path> leftovers() throws IOException {
    try (Stream<Path> children = Files.list(directory)) {
      return children
          .filter(child -> !child.getFileName().toString().matches("[a-f0-9]{64}"))
          .toList();
    }
  }

  Path path(Digest diffId) {
    if (!diffId.algorithm().equals("sha256")) {
      throw new IllegalArgumentException("snapshots are named by sha256 diff_ids, not " + diffId);
    }
    return directory.resolve(diffId.hex());
  }

  Path lockFile(Digest diffId) {
    return locks.resolve("snapshot-" + diffId.hex() + ".lock");
  }

  /** When the snapshot was last unpacked or adopted (its lock file's time), for gc's grace. */
  FileTime lastUsed(Digest diffId) throws IOException {
    Path lock = lockFile(diffId);
    return Files.exists(lock) ? Files.getLastModifiedTime(lock) : FileTime.fromMillis(0);
  }

  private void markUsed(Digest diffId) throws IOException {
    Path lock = lockFile(diffId);
    if (!Files.exists(lock)) {
      Files.createFile(lock);
    }
    Files.setLastModifiedTime(lock, FileTime.fromMillis(System.currentTimeMillis()));
  }

  private static boolean isComplete(Path target) {
    return Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
  }
}
