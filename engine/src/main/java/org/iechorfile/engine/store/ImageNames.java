package org.iechorfile.engine.store;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.iechorfile.engine.image.Digest;

/**
 * Named image references ({@code docker.io/library/busybox:latest} to a manifest digest), one file
 * per name under {@code refs/}, each replaced atomically: readers see the old digest or the new.
 *
 * <p>Thread-safe.
 */
public final class ImageNames {

  private final Path directory;
  private final Path tmp;
  private final StoreLock lock;

  ImageNames(Path directory, Path tmp, StoreLock lock) {
    this.directory = directory;
    this.tmp = tmp;
    this.lock = lock;
  }

  /** Points {@code name} at {@code manifest}, replacing what it named before. */
  public void tag(String name, Digest manifest) throws IOException {
    Path file = file(name);
    lock.withShared(
        () -> {
          AtomicFiles.write(file, manifest.toString().getBytes(StandardCharsets.UTF_8), tmp);
          return null;
        });
  }

  /** The manifest digest {@code name} points at. */
  public Optional<Digest> resolve(String name) throws IOException {
    try {
      return Optional.of(Digest.parse(Files.readString(file(name)).trim()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Removes {@code name}; returns whether it existed. The image's blobs stay until {@code gc}. */
  public boolean remove(String name) throws IOException {
    Path file = file(name);
    return lock.withShared(() -> Files.deleteIfExists(file));
  }

  /** Every name and the manifest it points at, sorted by name. */
  public SortedMap<String, Digest> list() throws IOException {
    SortedMap<String, Digest> result = new TreeMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = URLDecoder.decode(file.getFileName().toString(), StandardCharsets.UTF_8);
        resolve(name).ifPresent(digest -> result.put(name, digest));
      }
    }
    return result;
  }

  private Path file(String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("an image name must not be blank");
    }
    return directory.resolve(URLEncoder.encode(name, StandardCharsets.UTF_8));
  }
}
