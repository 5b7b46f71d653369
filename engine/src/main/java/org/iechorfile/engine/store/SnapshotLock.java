package org.iechorfile.engine.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on one snapshot, across threads (a {@link ReentrantLock} per lock file) and
 * processes (a file lock). Lock files are left in place: deleting one while another process waits
 * on it would let two holders in.
 */
final class SnapshotLock implements AutoCloseable {

  private static final Map<Path, ReentrantLock> THREADS = new ConcurrentHashMap<>();

  private final ReentrantLock thread;
  private final FileChannel channel;
  private final FileLock lock;

  private SnapshotLock(ReentrantLock thread, FileChannel channel, FileLock lock) {
    this.thread = thread;
    this.channel = channel;
    this.lock = lock;
  }

  /** Runs {@code action} holding the lock of {@code file}. */
  static <T> T holding(Path file, StoreLock.Action<T> action) throws IOException {
    SnapshotLock lock = acquire(file);
    try {
      return action.run();
    } finally {
      lock.close();
    }
  }

  /** Blocks until this thread holds the lock of {@code file}. */
  private static SnapshotLock acquire(Path file) throws IOException {
    ReentrantLock thread =
        THREADS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new ReentrantLock());
    thread.lock();
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      return new SnapshotLock(thread, channel, channel.lock());
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      thread.unlock();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
      channel.close();
    } finally {
      thread.unlock();
    }
  }
}
