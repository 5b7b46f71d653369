package org.iechorfile.engine.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.UUID;
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

  private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
  private static final int SHORT_NAME_LENGTH = 5;

  private final Path layers;
  private final Path links;
  private final Path scratch;
  private final SecureRandom random = new SecureRandom();

  StepLayers(Path home) {
    Path base = home.resolve("session");
    this.layers = base.resolve("layers");
    this.links = base.resolve("l");
    this.scratch = base.resolve("drafts");
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

  /** A fresh upper and work directory pair for one step. */
  Draft draft() throws IOException {
    Path dir = Files.createDirectory(scratch.resolve(UUID.randomUUID().toString()));
    return new Draft(
        dir,
        Files.createDirectory(dir.resolve("upper")),
        Files.createDirectory(dir.resolve("work")));
  }

  /**
   * Makes {@code draft}'s upper directory the committed layer {@code id}. When another process
   * committed the same id first, that layer is used. The draft's other directories stay for the
   * caller to {@link #discard} or {@link #discardLater}.
   */
  LayerRef commit(Draft draft, String id) throws IOException {
    Path target = layers.resolve(id);
    try {
      Files.move(draft.upper(), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      // The same step's result is already there: keep the first one.
    }
    return ref(id);
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

  /** Whether layer {@code id} is committed. */
  boolean exists(String id) {
    return Files.isDirectory(layers.resolve(id), LinkOption.NOFOLLOW_LINKS);
  }

  /** Removes a draft and everything in it. */
  void discard(Draft draft) throws IOException {
    delete(draft.directory());
  }

  /**
   * Removes a draft in the background: after a RUN, overlayfs's work directory can only go once the
   * kernel has taken down the command's mount namespace, which the step need not wait for.
   */
  void discardLater(Draft draft) {
    BackgroundDeletion.delete(draft.directory());
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
