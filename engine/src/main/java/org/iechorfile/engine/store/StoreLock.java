package org.iechorfile.engine.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The store-wide lock: writers hold it shared, garbage collection holds it exclusively, across
 * threads and processes. The session engine takes it too, around the short moments when a step's
 * layer becomes one of its own, so that a collection never sees a layer half claimed. File locks
 * belong to the whole JVM, so one {@link FileChannel} per lock file is shared by all threads of the
 * process and reference-counted for shared holders; a {@link ReentrantReadWriteLock} orders the
 * threads.
 */
public final class StoreLock {

  private static final Map<Path, StoreLock> LOCKS = new ConcurrentHashMap<>();

  private final Path file;
  private final ReentrantReadWriteLock threads = new ReentrantReadWriteLock(true);
  private FileChannel channel;
  private FileLock sharedLock;
  private int sharedHolders;

  private StoreLock(Path file) {
    this.file = file;
  }

  /** The lock for the lock file {@code file}, one per file and process. */
  public static StoreLock of(Path file) {
    return LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), StoreLock::new);
  }

  /** A held lock; closing it releases it. */
  private interface Held extends AutoCloseable {
    @Override
    void close() throws IOException;
  }

  /** Work done under the lock. */
  @FunctionalInterface
  public interface Action<T> {
    /** Does the work; may throw what the work throws. */
    T run() throws IOException;
  }

  /**
   * Runs {@code action} holding the lock shared; blocks while a garbage collection holds it in any
   * process. Do not take the lock exclusively inside {@code action}.
   */
  public <T> T withShared(Action<T> action) throws IOException {
    Held held = shared();
    try {
      return action.run();
    } finally {
      held.close();
    }
  }

  /**
   * Runs {@code action} holding the lock exclusively; blocks while any holder in any process has
   * it. Do not take the lock shared inside {@code action}.
   */
  public <T> T withExclusive(Action<T> action) throws IOException {
    Held held = exclusive();
    try {
      return action.run();
    } finally {
      held.close();
    }
  }

  /** Takes the lock shared (blocks while garbage collection runs anywhere). */
  private Held shared() throws IOException {
    threads.readLock().lock();
    try {
      synchronized (this) {
        if (sharedHolders == 0) {
          sharedLock = channel().lock(0, Long.MAX_VALUE, true);
        }
        sharedHolders++;
      }
    } catch (IOException | RuntimeException e) {
      threads.readLock().unlock();
      throw e;
    }
    return () -> {
      try {
        synchronized (this) {
          if (--sharedHolders == 0) {
            sharedLock.release();
            sharedLock = null;
          }
        }
      } finally {
        threads.readLock().unlock();
      }
    };
  }

  /** Takes the lock exclusively (blocks while any writer in any process holds it). */
  private Held exclusive() throws IOException {
    threads.writeLock().lock();
    FileLock lock;
    try {
      synchronized (this) {
        lock = channel().lock(0, Long.MAX_VALUE, false);
      }
    } catch (IOException | RuntimeException e) {
      threads.writeLock().unlock();
      throw e;
    }
    return () -> {
      try {
        lock.release();
      } finally {
        threads.writeLock().unlock();
      }
    };
  }

  private FileChannel channel() throws IOException {
    if (channel == null || !channel.isOpen()) {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
    return channel;
  }
}
