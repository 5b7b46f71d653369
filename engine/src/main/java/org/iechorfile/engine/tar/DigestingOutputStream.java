package org.iechorfile.engine.tar;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import org.iechorfile.engine.image.Digest;

/** Hashes and counts what is written through it; {@link #close()} flushes but never closes. */
final class DigestingOutputStream extends FilterOutputStream {

  private final MessageDigest digest = Digest.newSha256();
  private long count;

  DigestingOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    digest.update((byte) b);
    count++;
  }

  @Override
  public void write(byte[] buffer, int offset, int length) throws IOException {
    out.write(buffer, offset, length);
    digest.update(buffer, offset, length);
    count += length;
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }

  Digest digest() {
    return Digest.of("sha256", digest.digest());
  }

  long count() {
    return count;
  }
}
