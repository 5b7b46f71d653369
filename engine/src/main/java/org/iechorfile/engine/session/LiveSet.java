package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.iechorfile.engine.store.Store;
import org.iechorfile.engine.store.StoreLock;

/**
 * The layers one open session can reach, published for garbage collection in other processes: the
 * session holds {@code session/live/ID.lock} locked while it is open and rewrites {@code
 * session/live/ID.layers} (layer ids, one a line) whenever its steps change. A collection keeps
 * every layer listed by a session whose lock is held, and clears the files of sessions whose
 * process is gone.
 *
 * <p>A step first {@linkplain #hold holds} the layer it makes or takes from the cache, under the
 * store lock, before the layer becomes part of a step; {@link #retain} then sets the list to what
 * the steps use. Used by one session, from its thread.
 */
final class LiveSet {

  static final String LOCK = ".lock";
  static final String LIST = ".layers";

  private final Path directory;
  private final String name;
  private final StoreLock storeLock;
  private final OwnerLock lock;
  private final Set<String> retained = new LinkedHashSet<>();
  private final Set<String> held = new LinkedHashSet<>();
  private final Set<String> claimed = new LinkedHashSet<>();
  private Set<String> written = Set.of();
  private boolean closed;

  private LiveSet(Path directory, String name, StoreLock storeLock, OwnerLock lock) {
    this.directory = directory;
    this.name = name;
    this.storeLock = storeLock;
    this.lock = lock;
  }

  /** Registers a new open session in the store at {@code home}. */
  static LiveSet open(Path home) throws IOException {
    Path directory = Files.createDirectories(directory(home));
    String name = UUID.randomUUID().toString();
    StoreLock storeLock = Store.lock(home);
    OwnerLock lock = storeLock.withShared(() -> OwnerLock.acquire(directory.resolve(name + LOCK)));
    return new LiveSet(directory, name, storeLock, lock);
  }

  /** Where open sessions publish their layers. */
  static Path directory(Path home) {
    return home.resolve("session").resolve("live");
  }

  /**
   * Adds layer {@code id} to this session's list and publishes it; call it holding the store lock
   * shared, before the layer is committed or looked up.
   */
  void hold(String id) throws IOException {
    claimed.add(id);
    if (held.add(id) && !retained.contains(id)) {
      write();
    }
  }

  /** Sets the list to {@code ids} (what the session's steps use now) and publishes it. */
  void retain(Collection<String> ids) throws IOException {
    retained.clear();
    retained.addAll(ids);
    held.clear();
    write();
  }

  /** Every layer this session made or took from the cache since it opened. */
  Set<String> claimed() {
    return Set.copyOf(claimed);
  }

  /** The store lock of the store this session lives in. */
  StoreLock storeLock() {
    return storeLock;
  }

  /** The layer ids the steps of these states use, stages included. */
  static Set<String> layersOf(List<ImageState> states) {
    Set<String> ids = new LinkedHashSet<>();
    for (ImageState state : states) {
      addLayers(state, ids);
    }
    return ids;
  }

  private static void addLayers(ImageState state, Set<String> ids) {
    state.layers().forEach(layer -> ids.add(layer.id()));
    state.stages().forEach(stage -> addLayers(stage.state(), ids));
  }

  /** Withdraws the session's list and lock; calling it again does nothing. */
  void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Files.deleteIfExists(directory.resolve(name + LIST));
    } finally {
      lock.release();
    }
  }

  /**
   * Publishes the list: a step that adds layers appends their ids, so its cost does not grow with
   * the number of steps; the file is written anew only when layers leave the list.
   */
  private void write() throws IOException {
    if (closed) {
      return;
    }
    Set<String> ids = new LinkedHashSet<>(retained);
    ids.addAll(held);
    if (ids.equals(written)) {
      // A step that made no layer (ENV, a cache hit on a held layer) changes nothing on disk.
      return;
    }
    Path list = directory.resolve(name + LIST);
    if (ids.containsAll(written)) {
      StringBuilder added = new StringBuilder();
      ids.stream().filter(id -> !written.contains(id)).forEach(id -> added.append(id).append('\n'));
      Files.writeString(list, added, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } else {
      StringBuilder text = new StringBuilder();
      ids.forEach(id -> text.append(id).append('\n'));
      Path temp = directory.resolve(name + LIST + ".tmp");
      Files.writeString(temp, text);
      Files.move(temp, list, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    written = ids;
  }
}
