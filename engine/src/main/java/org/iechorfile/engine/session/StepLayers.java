package org.iechorfile.engine.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.iechorfile.engine.store.Store;
import org.iechorfile.engine.store.StoreLock;
import org.iechorfile.engine.tar.BackgroundDeletion;
import org.iechorfile.engine.tar.DirectoryTrees;

/**
 * Where steps write their layers, under {@code session/} in the store: a scratch area for the layer
 * being made ({@code drafts/}), the committed layers ({@code layers/ID}, immutable, with a small
 * record {@code ID.link} of their short name and size), and one short link per layer ({@code
 * l/NAME}), also for the store's unpacked image layers, so overlay mounts of hundreds of layers fit
 * the kernel's one-page limit on mount options. Several processes may share it: names are made with
 * atomic creates and renames.
 */
final class StepLayers {

  private static final System.Logger LOG = System.getLogger(StepLayers.class.getName());
  private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
  private static final int SHORT_NAME_LENGTH = 5;
  private static final long SETTLE_SECONDS = 10;

  private final Path layers;
  private final Path links;
  private final Path scratch;
  private final Path exports;
  private final StoreLock storeLock;
  private final Holder holder;
  private final Map<Path, OwnerLock> draftLocks = new ConcurrentHashMap<>();
  private final List<Future<?>> pending = new ArrayList<>();
  private final SecureRandom random = new SecureRandom();

  /** Takes note of the layers a session makes or reuses, so collections keep them. */
  @FunctionalInterface
  interface Holder {
    /** Called holding the store lock shared, before layer {@code id} is committed or reused. */
    void hold(String id) throws IOException;
  }

  /** The layers of the store at {@code home}, for code that makes no steps of a session. */
  StepLayers(Path home) {
    this(home, id -> {});
  }

  /** The layers of the store at {@code home}, telling {@code holder} of each one steps use. */
  StepLayers(Path home, Holder holder) {
    this.storeLock = Store.lock(home);
    this.holder = holder;
    Path base = home.resolve("session");
    this.layers = base.resolve("layers");
    this.links = base.resolve("l");
    this.scratch = base.resolve("drafts");
    this.exports = home.resolve("exports");
    try {
      Files.createDirectories(layers);
      Files.createDirectories(links);
      Files.createDirectories(scratch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the layer store in " + home, e);
    }
  }

  /** The directory the short names are relative to. */
  Path linkDirectory() {
    return links;
  }

  /**
   * A fresh upper and work directory pair for one step, locked ({@code drafts/NAME.lock}) until it
   * is {@linkplain #discard discarded} so that collections leave it alone.
   */
  Draft draft() throws IOException {
    String name = UUID.randomUUID().toString();
    return storeLock.withShared(
        () -> {
          OwnerLock lock = OwnerLock.acquire(scratch.resolve(name + LiveSet.LOCK));
          try {
            Path dir = Files.createDirectory(scratch.resolve(name));
            draftLocks.put(dir, lock);
            return new Draft(
                dir,
                Files.createDirectory(dir.resolve("upper")),
                Files.createDirectory(dir.resolve("work")));
          } catch (IOException | RuntimeException e) {
            lock.release();
            throw e;
          }
        });
  }

  /**
   * Makes {@code draft}'s upper directory the committed layer {@code id}. When another process
   * committed the same id first, that layer is used. The draft's other directories stay for the
   * caller to {@link #discard} or {@link #discardLater}.
   */
  LayerRef commit(Draft draft, String id) throws IOException {
    Path target = layers.resolve(id);
    storeLock.withShared(
        () -> {
          holder.hold(id);
          try {
            Files.move(draft.upper(), target, StandardCopyOption.ATOMIC_MOVE);
          } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // The same step's result is already there: keep the first one.
          }
          return null;
        });
    return ref(id);
  }

  /**
   * The committed layer {@code id} for a step to reuse (a build-cache hit), held for the session
   * first so that no collection removes it meanwhile; empty when it is gone.
   */
  Optional<LayerRef> claim(String id) throws IOException {
    boolean present =
        storeLock.withShared(
            () -> {
              if (!exists(id)) {
                return false;
              }
              holder.hold(id);
              return true;
            });
    return present ? Optional.of(ref(id)) : Optional.empty();
  }

  /**
   * The committed layer {@code id}, with its short link and size (both worked out once and kept in
   * a small record file beside the layer).
   */
  LayerRef ref(String id) throws IOException {
    return ref(id, layers.resolve(id));
  }

  /**
   * A layer kept elsewhere in the store (an unpacked image layer), given a short link here so it
   * can be stacked with the session's own layers.
   */
  LayerRef external(String id, Path directory) throws IOException {
    return ref(id, directory.toAbsolutePath());
  }

  private LayerRef ref(String id, Path target) throws IOException {
    Path record = layers.resolve(id + ".link");
    if (!Files.exists(record)) {
      String text = link(target) + "\n" + Sizes.bytes(target) + "\n";
      Path temp = Files.createTempFile(scratch, "link", ".tmp");
      Files.writeString(temp, text);
      try {
        Files.move(temp, record, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
    }
    String[] fields = Files.readString(record).strip().split("\n");
    return new LayerRef(id, target, fields[0], Long.parseLong(fields[1]));
  }

  /** The directory of the committed layers and their records. */
  Path layerDirectory() {
    return layers;
  }

  /** Where exports note the blob each layer was written as, by layer id. */
  Path exportDirectory() {
    return exports;
  }

  /** The scratch directory: drafts, their locks, and temporary files. */
  Path scratchDirectory() {
    return scratch;
  }

  /**
   * The bytes of layer {@code id}: from its record when it has one, else by measuring its directory
   * once; 0 when neither exists.
   */
  long bytes(String id) throws IOException {
    Path record = layers.resolve(id + ".link");
    try {
      String[] fields = Files.readString(record).strip().split("\n");
      if (fields.length == 2) {
        return Long.parseLong(fields[1]);
      }
    } catch (NoSuchFileException e) {
      // no record: measure below
    } catch (NumberFormatException e) {
      // a damaged record: measure below
    }
    return Sizes.bytes(layers.resolve(id));
  }

  /**
   * Removes layer {@code id}: its directory (when it is one of ours), its record, its short link
   * and the note of the blob it was exported as. Only a collection holding the store lock
   * exclusively may call it.
   *
   * @return the bytes of file content freed
   */
  long remove(String id) throws IOException {
    Path directory = layers.resolve(id);
    long bytes = 0;
    if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      try {
        bytes = bytes(id);
      } catch (IOException e) {
        // Unreadable without a record: it goes all the same, uncounted.
        LOG.log(System.Logger.Level.DEBUG, "cannot size layer {0}: {1}", id, e.getMessage());
      }
    }
    delete(directory);
    Path record = layers.resolve(id + ".link");
    try {
      String shortName = Files.readString(record).strip().split("\n")[0];
      if (!shortName.isEmpty() && !shortName.contains("/")) {
        Files.deleteIfExists(links.resolve(shortName));
      }
    } catch (NoSuchFileException e) {
      // never given a short name
    }
    Files.deleteIfExists(record);
    Files.deleteIfExists(exports.resolve(id));
    return bytes;
  }

  /** Whether layer {@code id} is committed. */
  boolean exists(String id) {
    return Files.isDirectory(layers.resolve(id), LinkOption.NOFOLLOW_LINKS);
  }

  /** Removes a draft and everything in it, and gives up its lock. */
  void discard(Draft draft) throws IOException {
    try {
      delete(draft.directory());
    } finally {
      release(draft);
    }
  }

  /**
   * Removes a draft in the background: after a RUN, overlayfs's work directory can only go once the
   * kernel has taken down the command's mount namespace, which the step need not wait for.
   */
  void discardLater(Draft draft) {
    synchronized (pending) {
      pending.removeIf(Future::isDone);
      pending.add(BackgroundDeletion.delete(draft.directory(), () -> release(draft)));
    }
  }

  /** Waits until the drafts given to {@link #discardLater} are gone (for a closing session). */
  void settle() {
    List<Future<?>> waiting;
    synchronized (pending) {
      waiting = new ArrayList<>(pending);
      pending.clear();
    }
    for (Future<?> future : waiting) {
      try {
        future.get(SETTLE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        LOG.log(System.Logger.Level.WARNING, "a draft is still being removed: " + e.getMessage());
      }
    }
  }

  private void release(Draft draft) throws IOException {
    OwnerLock lock = draftLocks.remove(draft.directory());
    if (lock != null) {
      lock.release();
    }
  }

  private String link(Path target) throws IOException {
    while (true) {
      StringBuilder name = new StringBuilder(SHORT_NAME_LENGTH);
      for (int i = 0; i < SHORT_NAME_LENGTH; i++) {
        name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      try {
        Files.createSymbolicLink(links.resolve(name.toString()), links.relativize(target));
        return name.toString();
      } catch (FileAlreadyExistsException e) {
        // Taken by another layer: draw again.
      }
    }
  }

  static void delete(Path root) throws IOException {
    DirectoryTrees.delete(root);
  }

  /**
   * The directories of a layer in the making.
   *
   * @param directory the draft's own directory, removed with it
   * @param upper the overlay upper directory: the new layer
   * @param work overlayfs's work directory
   */
  record Draft(Path directory, Path upper, Path work) {}
}
