package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.iechorfile.engine.instruction.CacheSharing;
import org.iechorfile.engine.tar.DirectoryTrees;

/**
 * Who is using a directory of {@code RUN --mount=type=cache}, in this process and in others, with
 * BuildKit's sharing modes: {@code shared} lets any number of steps use it at once, {@code locked}
 * lets one step at a time (the others wait), and {@code private} gives a step that finds it busy a
 * directory of its own. A collection removes only directories no running step uses.
 *
 * <p>Use is marked by a lock on {@code DIR.lock} beside the directory: shared for {@code shared},
 * exclusive otherwise. The operating system drops it when the process ends. Within this process the
 * holders are counted here, and one lock on one open descriptor stands for all of them, since POSIX
 * drops a process's locks on a file when it closes any descriptor of it; so {@link #removeIfUnused}
 * never opens the file of a directory this process uses. Steps take their use, and a collection
 * tests it, under the store lock (shared and exclusive respectively).
 */
final class CacheMountUse implements AutoCloseable {

  static final String LOCK = ".lock";

  private static final Map<Path, Holders> HOLDERS = new HashMap<>();

  /** The holders in this process of one directory, and the lock that stands for them. */
  private static final class Holders {
    int shared;
    boolean exclusive;
    FileChannel channel;
    FileLock lock;
  }

  private final Path directory;
  private final boolean exclusive;
  private boolean closed;

  private CacheMountUse(Path directory, boolean exclusive) {
    this.directory = directory;
    this.exclusive = exclusive;
  }

  /** The directory in use. */
  Path directory() {
    return directory;
  }

  /**
   * Starts using {@code directory} as {@code sharing} asks, if no other use stands in the way.
   *
   * @return empty when the directory is busy: in use at all for {@code locked} and {@code private},
   *     in {@code locked} or {@code private} use for {@code shared}
   */
  static Optional<CacheMountUse> tryUse(Path directory, CacheSharing sharing) throws IOException {
    boolean exclusive = sharing != CacheSharing.SHARED;
    Path key = directory.toAbsolutePath().normalize();
    synchronized (HOLDERS) {
      Holders holders = HOLDERS.get(key);
      if (holders != null) {
        if (holders.exclusive || exclusive) {
          return Optional.empty();
        }
        holders.shared++;
        return Optional.of(new CacheMountUse(key, false));
      }
      FileChannel channel =
          FileChannel.open(
              lockFile(key),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock(0, Long.MAX_VALUE, !exclusive);
      } catch (OverlappingFileLockException e) {
        // Locked through another channel of this process, outside this class: in use.
        lock = null;
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      holders = new Holders();
      holders.channel = channel;
      holders.lock = lock;
      holders.exclusive = exclusive;
      holders.shared = exclusive ? 0 : 1;
      HOLDERS.put(key, holders);
      return Optional.of(new CacheMountUse(key, exclusive));
    }
  }

  /**
   * Removes {@code directory} and its lock file when no step in any process uses it; call it
   * holding the store lock exclusively.
   *
   * @return whether it was removed
   */
  static boolean removeIfUnused(Path directory) throws IOException {
    Path key = directory.toAbsolutePath().normalize();
    synchronized (HOLDERS) {
      if (HOLDERS.containsKey(key)) {
        return false;
      }
      Path lockFile = lockFile(key);
      try (FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          return false;
        }
        if (lock == null) {
          return false;
        }
        DirectoryTrees.delete(key);
        Files.deleteIfExists(lockFile);
        return true;
      }
    }
  }

  static Path lockFile(Path directory) {
    return directory.resolveSibling(directory.getFileName() + LOCK);
  }

  /** Ends this use; the last one in this process lets go of the lock. */
  @Override
  public void close() throws IOException {
    synchronized (HOLDERS) {
      if (closed) {
        return;
      }
      closed = true;
      Holders holders = HOLDERS.get(directory);
      if (exclusive) {
        holders.exclusive = false;
      } else {
        holders.shared--;
      }
      if (!holders.exclusive && holders.shared == 0) {
        HOLDERS.remove(directory);
        holders.channel.close();
      }
    }
  }
}
