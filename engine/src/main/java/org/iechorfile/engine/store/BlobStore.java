package org.iechorfile.engine.store;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import org.iechorfile.engine.image.Digest;

/**
 * Content-addressed blobs under {@code blobs/sha256/HEX}. Every write goes to a temporary file in
 * the store, is synced and verified against its digest, then renamed into place; two writers of the
 * same blob (threads or processes) both succeed and leave one correct copy. Writers hold the store
 * lock shared, so garbage collection never sees a half-written blob.
 *
 * <p>Thread-safe.
 */
public final class BlobStore {

  /** Writes blob content to a stream it must not close. */
  @FunctionalInterface
  public interface Content {
    /** Writes the content to {@code out}. */
    void writeTo(OutputStream out) throws IOException;
  }

  private final Path directory;
  private final Path tmp;
  private final StoreLock lock;

  BlobStore(Path directory, Path tmp, StoreLock lock) {
    this.directory = directory;
    this.tmp = tmp;
    this.lock = lock;
  }

  /**
   * Stores what {@code in} holds, which must have digest {@code expected}. When the blob is already
   * stored, {@code in} is not read. {@code in} is not closed.
   *
   * @throws BlobMismatchException when the content has another digest (nothing is kept)
   */
  public Blob put(InputStream in, Digest expected) throws IOException {
    Objects.requireNonNull(expected, "expected");
    return lock.withShared(
        () -> {
          Optional<Blob> existing = refresh(expected);
          if (existing.isPresent()) {
            return existing.get();
          }
          return store(in::transferTo, Optional.of(expected));
        });
  }

  /** Stores the bytes {@code content} writes, under the digest they turn out to have. */
  public Blob write(Content content) throws IOException {
    return lock.withShared(() -> store(content, Optional.empty()));
  }

  /** Whether the blob {@code digest} is stored. */
  public boolean contains(Digest digest) {
    return Files.isRegularFile(file(digest));
  }

  /** The stored blob {@code digest}, with its size. */
  public Optional<Blob> find(Digest digest) throws IOException {
    Path file = file(digest);
    try {
      return Optional.of(new Blob(digest, Files.size(file)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /**
   * Opens the blob {@code digest} for reading; the caller closes the stream.
   *
   * @throws NoSuchFileException when the store does not hold it
   */
  public InputStream open(Digest digest) throws IOException {
    try {
      return Files.newInputStream(file(digest));
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(
          file(digest).toString(),
          null,
          "the store has no blob " + digest + "; pull the image again");
    }
  }

  /** Reads a small blob (a manifest or config) whole. */
  public byte[] read(Digest digest) throws IOException {
    try (InputStream in = open(digest)) {
      return in.readAllBytes();
    }
  }

  Path directory() {
    return directory;
  }

  Path file(Digest digest) {
    if (!digest.algorithm().equals("sha256")) {
      throw new IllegalArgumentException("the store keeps sha256 blobs only, not " + digest);
    }
    return directory.resolve(digest.hex());
  }

  /** Marks an existing blob as recently used, so a concurrent gc's grace period covers it. */
  private Optional<Blob> refresh(Digest digest) throws IOException {
    Path file = file(digest);
    try {
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
      return Optional.of(new Blob(digest, Files.size(file)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private Blob store(Content content, Optional<Digest> expected) throws IOException {
    Path part = Files.createTempFile(tmp, "blob-", ".part");
    try {
      MessageDigest sha256 = Digest.newSha256();
      long size;
      try (FileOutputStream file = new FileOutputStream(part.toFile());
          CountingOutputStream counted = new CountingOutputStream(file);
          DigestOutputStream out = new DigestOutputStream(counted, sha256)) {
        content.writeTo(out);
        out.flush();
        file.getFD().sync();
        size = counted.count();
      }
      Digest actual = Digest.of("sha256", sha256.digest());
      if (expected.isPresent() && !expected.get().equals(actual)) {
        throw new BlobMismatchException(
            "the content received for blob "
                + expected.get()
                + " has digest "
                + actual
                + "; the transfer is corrupt, try again");
      }
      Files.move(part, file(actual), StandardCopyOption.ATOMIC_MOVE);
      return new Blob(actual, size);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /** Counts bytes on their way to the file. */
  private static final class CountingOutputStream extends java.io.FilterOutputStream {
    private long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
      out.write(buffer, offset, length);
      count += length;
    }

    long count() {
      return count;
    }
  }
}
