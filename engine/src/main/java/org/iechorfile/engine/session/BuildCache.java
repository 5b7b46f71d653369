package org.iechorfile.engine.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The persistent build cache: for a step's cache key, the id of the layer it produced. Shared by
 * every session and process using the store; records are written to a temporary file and renamed
 * into place, so readers never see half a record.
 */
final class BuildCache {

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

  /** The layer recorded for {@code key}. */
  Optional<String> layer(String key) throws IOException {
    try {
      return Optional.of(Files.readString(records.resolve(key)).strip());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
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
   * Remembers what the step last applied on the state keyed {@code parent} used, so a later miss
   * can say which input changed.
   */
  void remember(String parent, List<String> parts) throws IOException {
    Path temp = Files.createTempFile(scratch, "last", ".tmp");
    try {
      Files.writeString(temp, String.join("\n", parts) + "\n");
      Files.move(temp, records.resolve(parent + ".last"), StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Why {@code parts} missed the cache on the state keyed {@code parent}, in a few words. */
  String whyMissed(String parent, List<String> parts) throws IOException {
    List<String> last;
    try {
      last = List.of(Files.readString(records.resolve(parent + ".last")).split("\n"));
    } catch (NoSuchFileException e) {
      return "first run of this step on this parent";
    }
    for (String part : parts) {
      if (!last.contains(part)) {
        return describe(part, last);
      }
    }
    return "its earlier result is no longer in the store";
  }

  private static String describe(String part, List<String> last) {
    if (part.startsWith("ARG ")) {
      String name = part.substring(4, part.indexOf('='));
      for (String old : last) {
        if (old.startsWith("ARG " + name + "=")) {
          return "ARG " + name + " changed";
        }
      }
      return "ARG " + name + " is new";
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

  /** Forgets every record; the layers stay until nothing uses them. */
  void clear() throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(records)) {
      for (Path entry : entries) {
        Files.deleteIfExists(entry);
      }
    }
  }
}
