package org.iechorfile.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.iechorfile.engine.image.Digest;

/**
 * The build cache: key (parent state plus expanded instruction, as the session composes it) to
 * {@link CacheRecord}, one JSON file per key under {@code cache/} named by the key's sha256, each
 * written atomically. The key itself is stored in the record and compared on lookup.
 *
 * <p>Thread-safe.
 */
public final class BuildCache {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;
  private final Path tmp;
  private final StoreLock lock;

  BuildCache(Path directory, Path tmp, StoreLock lock) {
    this.directory = directory;
    this.tmp = tmp;
    this.lock = lock;
  }

  /** Records {@code record} under {@code key}, replacing any earlier record. */
  public void put(String key, CacheRecord record) throws IOException {
    ObjectNode json = JSON.createObjectNode();
    json.put("key", key);
    ArrayNode blobs = json.putArray("blobs");
    record.blobs().forEach(d -> blobs.add(d.toString()));
    ArrayNode snapshots = json.putArray("snapshots");
    record.snapshots().forEach(d -> snapshots.add(d.toString()));
    json.put("payload", record.payload());
    byte[] bytes = JSON.writeValueAsBytes(json);
    lock.withShared(
        () -> {
          AtomicFiles.write(file(key), bytes, tmp);
          return null;
        });
  }

  /** The record for {@code key}, if one is cached. */
  public Optional<CacheRecord> get(String key) throws IOException {
    try {
      JsonNode json = JSON.readTree(Files.readAllBytes(file(key)));
      if (!key.equals(json.path("key").asText())) {
        return Optional.empty();
      }
      return Optional.of(parse(json));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Forgets {@code key}; returns whether it was cached. */
  public boolean remove(String key) throws IOException {
    return lock.withShared(() -> Files.deleteIfExists(file(key)));
  }

  /** Forgets every record ({@code %cache clear}); returns how many there were. */
  public int clear() throws IOException {
    return lock.withShared(
        () -> {
          int removed = 0;
          for (Path file : files()) {
            if (Files.deleteIfExists(file)) {
              removed++;
            }
          }
          return removed;
        });
  }

  /** Every record, for gc's roots. Unreadable records are skipped: they keep nothing alive. */
  List<CacheRecord> records() throws IOException {
    List<CacheRecord> result = new ArrayList<>();
    for (Path file : files()) {
      try {
        result.add(parse(JSON.readTree(Files.readAllBytes(file))));
      } catch (NoSuchFileException | com.fasterxml.jackson.core.JsonProcessingException e) {
        // removed meanwhile or not a record: nothing to keep for it
      }
    }
    return result;
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }

  private static CacheRecord parse(JsonNode json) {
    List<Digest> blobs = new ArrayList<>();
    json.path("blobs").forEach(d -> blobs.add(Digest.parse(d.asText())));
    List<Digest> snapshots = new ArrayList<>();
    json.path("snapshots").forEach(d -> snapshots.add(Digest.parse(d.asText())));
    return new CacheRecord(blobs, snapshots, json.path("payload").asText());
  }

  private Path file(String key) {
    return directory.resolve(Digest.sha256(key).hex() + ".json");
  }
}
