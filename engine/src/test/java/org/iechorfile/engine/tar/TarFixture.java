package org.iechorfile.engine.tar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Builds tar archives entry by entry, including the hostile ones real tools refuse to make. */
final class TarFixture {

  static final FileTime MTIME = FileTime.fromMillis(1_600_000_000_000L);

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar;

  TarFixture() {
    tar = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  TarFixture dir(String name, int mode) throws IOException {
    return put(entry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, mode), null);
  }

  TarFixture file(String name, int mode, String content) throws IOException {
    return put(entry(name, TarConstants.LF_NORMAL, mode), content.getBytes(StandardCharsets.UTF_8));
  }

  TarFixture symlink(String name, String target) throws IOException {
    TarArchiveEntry entry = entry(name, TarConstants.LF_SYMLINK, 0777);
    entry.setLinkName(target);
    return put(entry, null);
  }

  TarFixture hardLink(String name, String target) throws IOException {
    TarArchiveEntry entry = entry(name, TarConstants.LF_LINK, 0644);
    entry.setLinkName(target);
    return put(entry, null);
  }

  TarFixture device(String name, byte flag, int major, int minor) throws IOException {
    TarArchiveEntry entry = entry(name, flag, 0660);
    entry.setDevMajor(major);
    entry.setDevMinor(minor);
    return put(entry, null);
  }

  /** Adds a fully prepared entry (owner, xattrs) with optional content. */
  TarFixture put(TarArchiveEntry entry, byte[] content) throws IOException {
    if (content != null) {
      entry.setSize(content.length);
    }
    tar.putArchiveEntry(entry);
    if (content != null) {
      tar.write(content);
    }
    tar.closeArchiveEntry();
    return this;
  }

  static TarArchiveEntry entry(String name, byte flag, int mode) {
    TarArchiveEntry entry = new TarArchiveEntry(name, flag, true);
    entry.setMode(mode);
    entry.setLastModifiedTime(MTIME);
    entry.setUserName("");
    entry.setGroupName("");
    return entry;
  }

  byte[] tar() throws IOException {
    tar.close();
    return bytes.toByteArray();
  }

  byte[] gzip() throws IOException {
    return compress(tar(), GZIPOutputStream::new);
  }

  byte[] bzip2() throws IOException {
    return compress(tar(), BZip2CompressorOutputStream::new);
  }

  byte[] xz() throws IOException {
    return compress(tar(), out -> new XZOutputStream(out, new LZMA2Options()));
  }

  private interface Compressor {
    OutputStream wrap(OutputStream out) throws IOException;
  }

  private static byte[] compress(byte[] plain, Compressor compressor) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream compressed = compressor.wrap(out)) {
      compressed.write(plain);
    }
    return out.toByteArray();
  }
}
