package org.iechorfile.engine.tar;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.tukaani.xz.XZInputStream;

/** How a layer blob is compressed, as told by its first bytes (never by its media type alone). */
public enum Compression {
  /** A plain tar stream. */
  NONE,
  /** gzip ({@code 1f 8b}), the usual layer compression. */
  GZIP,
  /** bzip2 ({@code BZh}), found in old Docker archives. */
  BZIP2,
  /** xz ({@code fd 37 7a 58 5a 00}). */
  XZ,
  /** zstd ({@code 28 b5 2f fd}). */
  ZSTD;

  private static final int MAGIC_LENGTH = 6;

  /**
   * Detects the compression of {@code in} by its magic bytes without consuming them.
   *
   * @param in a stream that supports mark/reset; it is not closed
   */
  public static Compression detect(BufferedInputStream in) throws IOException {
    in.mark(MAGIC_LENGTH);
    byte[] head = in.readNBytes(MAGIC_LENGTH);
    in.reset();
    return detect(head);
  }

  /** Detects the compression from the first bytes of a blob (fewer than six are fine). */
  public static Compression detect(byte[] head) {
    if (startsWith(head, 0x1f, 0x8b)) {
      return GZIP;
    }
    if (startsWith(head, 'B', 'Z', 'h')) {
      return BZIP2;
    }
    if (startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
      return XZ;
    }
    if (startsWith(head, 0x28, 0xb5, 0x2f, 0xfd)) {
      return ZSTD;
    }
    return NONE;
  }

  /**
   * Wraps {@code in} in a decompressor for this compression. Closing the result closes {@code in}.
   */
  InputStream decompress(InputStream in) throws IOException {
    switch (this) {
      case NONE:
        return in;
      case GZIP:
        return new GZIPInputStream(in, 65536);
      case BZIP2:
        return new BZip2CompressorInputStream(in, true);
      case XZ:
        return new XZInputStream(in);
      case ZSTD:
        return new ZstdCompressorInputStream(in);
      default:
        throw new IllegalStateException("unknown compression " + this);
    }
  }

  private static boolean startsWith(byte[] head, int... magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
