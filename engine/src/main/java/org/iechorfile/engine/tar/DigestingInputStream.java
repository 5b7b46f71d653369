package org.iechorfile.engine.tar;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import org.iechorfile.engine.image.Digest;

/** Hashes and counts what is read through it; {@link #close()} leaves the source open. */
final class DigestingInputStream extends FilterInputStream {

  private final MessageDigest digest = Digest.newSha256();
  private long count;

  DigestingInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      digest.update((byte) b);
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      digest.update(buffer, offset, n);
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void close() {
    // The source belongs to the caller.
  }

  /** Reads to the end of the source, so that trailing padding is hashed too. */
  void drain() throws IOException {
    byte[] buffer = new byte[65536];
    while (read(buffer, 0, buffer.length) >= 0) {
      // hashing happens in read
    }
  }

  Digest digest() {
    return Digest.of("sha256", digest.digest());
  }

  long count() {
    return count;
  }
}
