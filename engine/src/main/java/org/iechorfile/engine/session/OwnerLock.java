package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on a small file that says "a running process is using this": an open session
 * ({@code session/live/ID.lock}) or a layer in the making ({@code session/drafts/ID.lock}). The
 * operating system drops the lock when the process ends, however it ends, so a collector that can
 * take the lock itself knows the owner is gone.
 *
 * <p>POSIX drops every lock a process holds on a file when the process closes any descriptor of it,
 * so locks held here are also remembered per JVM, by real path, and {@link #isHeld} never opens a
 * file this JVM holds. Owners take their locks, and collectors test them, under the store lock
 * (shared and exclusive respectively), so neither sees the other half done.
 */
final class OwnerLock {

  private static final Map<Path, OwnerLock> HELD = new ConcurrentHashMap<>();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private OwnerLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates {@code file} and locks it for this process.
   *
   * @throws IOException when the file cannot be made or is locked already
   */
  static OwnerLock acquire(Path file) throws IOException {
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    Path key;
    FileLock lock;
    try {
      key = file.toRealPath();
      lock = channel.tryLock();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new IOException(key + " is locked by another process");
    }
    OwnerLock owner = new OwnerLock(key, channel, lock);
    HELD.put(key, owner);
    return owner;
  }

  /** Removes the file and gives up the lock; calling it again does nothing. */
  void release() throws IOException {
    if (HELD.remove(file, this)) {
      try {
        Files.deleteIfExists(file);
      } finally {
        lock.release();
        channel.close();
      }
    }
  }

  /**
   * Whether a running process (this one included) holds the lock of {@code file}. A lock file that
   * nobody holds is removed: its owner is gone. Call it holding the store lock exclusively.
   */
  static boolean isHeld(Path file) throws IOException {
    Path key;
    try {
      key = file.toRealPath();
    } catch (NoSuchFileException e) {
      return false;
    }
    if (HELD.containsKey(key)) {
      return true;
    }
    try (FileChannel channel = FileChannel.open(key, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      try {
        Files.deleteIfExists(key);
      } finally {
        lock.release();
      }
      return false;
    } catch (NoSuchFileException e) {
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    }
  }
}
