package org.iechorfile.engine.tar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.iechorfile.engine.image.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerWriterTest {

  @TempDir Path temp;

  private final LayerWriter writer = new LayerWriter(OverlayNamespace.TRUSTED);
  private final LayerExtractor extractor = new LayerExtractor(OverlayNamespace.TRUSTED);

  /** An upper directory with every kind of entry, made by extracting a fixture. */
  private Path upperDirectory() throws IOException {
    TarArchiveEntry owned = TarFixture.entry("home/app/", TarConstants.LF_DIR, 0750);
    owned.setUserId(1000);
    owned.setGroupId(1000);
    TarArchiveEntry ping = TarFixture.entry("usr/bin/ping", TarConstants.LF_NORMAL, 04755);
    ping.addPaxHeader("SCHILY.xattr.user.origin", "debian");
    ping.addPaxHeader("LIBARCHIVE.xattr.security.capability", "AQAAAgAgAAAAAAAAAAAAAAAAAAA=");
    TarArchiveEntry longName =
        TarFixture.entry("usr/share/" + "n".repeat(150) + "/ü-file", TarConstants.LF_NORMAL, 0644);
    byte[] layer =
        new TarFixture()
            .dir("usr", 0755)
            .dir("usr/bin", 0755)
            .put(ping, new byte[] {7, 7, 7})
            .hardLink("usr/bin/ping4", "usr/bin/ping")
            .symlink("usr/bin/sh", "busybox")
            .dir("home", 0755)
            .put(owned, null)
            .file("home/app/.profile", 0600, "export A=1\n")
            .dir("tmp", 01777)
            .device("dev/null", TarConstants.LF_CHR, 1, 3)
            .put(TarFixture.entry("run/fifo", TarConstants.LF_FIFO, 0600), null)
            .file("etc/.wh.motd", 0644, "")
            .dir("var/cache", 0755)
            .file("var/cache/.wh..wh..opq", 0644, "")
            .file("var/cache/new", 0644, "fresh")
            .put(longName, "long".getBytes(StandardCharsets.UTF_8))
            .tar();
    Path upper = temp.resolve("upper");
    extractor.extract(new ByteArrayInputStream(layer), upper);
    return upper;
  }

  @Test
  void write_thenExtract_reproducesTheDirectory() throws IOException {
    Path upper = upperDirectory();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    WrittenLayer written = writer.write(upper, out, LayerWriteOptions.gzipped());
    Path copy = temp.resolve("copy");
    ExtractedLayer extracted =
        extractor.extract(new ByteArrayInputStream(out.toByteArray()), copy, written.diffId());

    assertEquals(TreeSnapshot.of(upper), TreeSnapshot.of(copy));
    assertEquals(written.diffId(), extracted.diffId());
    assertEquals(written.uncompressedSize(), extracted.uncompressedSize());
  }

  @Test
  void write_twice_givesIdenticalBytesAndDigests() throws IOException {
    Path upper = upperDirectory();
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    ByteArrayOutputStream second = new ByteArrayOutputStream();

    WrittenLayer one = writer.write(upper, first, LayerWriteOptions.gzipped());
    WrittenLayer two = writer.write(upper, second, LayerWriteOptions.gzipped());

    assertEquals(one, two);
    assertEquals(Digest.sha256(first.toByteArray()), one.digest());
    assertEquals(first.size(), one.size());
    assertEquals(Digest.sha256(gunzip(first.toByteArray())), one.diffId());
    assertEquals(gunzip(first.toByteArray()).length, one.uncompressedSize());
  }

  @Test
  void write_uncompressed_digestIsTheDiffId() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    WrittenLayer written = writer.write(upperDirectory(), out, LayerWriteOptions.uncompressed());

    assertEquals(written.diffId(), written.digest());
    assertEquals(Digest.sha256(out.toByteArray()), written.digest());
  }

  @Test
  void write_overlayWhiteouts_becomeOciEntriesInSortedOrder() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    writer.write(upperDirectory(), out, LayerWriteOptions.uncompressed());

    List<TarArchiveEntry> entries = entries(out.toByteArray());
    List<String> names = entries.stream().map(TarArchiveEntry::getName).toList();
    assertTrue(names.contains("etc/.wh.motd"), names.toString());
    assertFalse(names.contains("etc/motd"), names.toString());
    int cache = names.indexOf("var/cache/");
    assertEquals("var/cache/.wh..wh..opq", names.get(cache + 1));
    assertEquals("var/cache/new", names.get(cache + 2));
    for (TarArchiveEntry entry : entries) {
      assertFalse(
          entry.getExtraPaxHeaders().keySet().stream().anyMatch(k -> k.contains("overlay.")),
          entry.getName() + " carries an overlay attribute");
      assertEquals("", entry.getUserName());
    }
    TarArchiveEntry link = entries.get(names.indexOf("usr/bin/ping4"));
    assertTrue(link.isLink());
    assertEquals("usr/bin/ping", link.getLinkName());
    List<String> sorted = new ArrayList<>(names);
    assertEquals(names.indexOf("dev/"), names.indexOf("dev/null") - 1);
    sorted.removeIf(n -> n.contains(".wh..wh..opq"));
    assertEquals(sorted.stream().sorted().toList(), sorted);
  }

  @Test
  void write_mtimeClamp_limitsNewerTimesOnly() throws IOException {
    Path upper = Files.createDirectories(temp.resolve("upper"));
    Files.writeString(upper.resolve("old"), "o");
    Files.writeString(upper.resolve("new"), "n");
    Files.setLastModifiedTime(upper.resolve("old"), FileTime.fromMillis(1_000_000_000_000L));
    Files.setLastModifiedTime(upper.resolve("new"), FileTime.fromMillis(1_700_000_000_500L));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    writer.write(
        upper,
        out,
        LayerWriteOptions.uncompressed().withMtimeClamp(Instant.ofEpochSecond(1_500_000_000L)));

    List<TarArchiveEntry> entries = entries(out.toByteArray());
    assertEquals("new", entries.get(0).getName());
    assertEquals(1_500_000_000_000L, entries.get(0).getLastModifiedTime().toMillis());
    assertEquals("old", entries.get(1).getName());
    assertEquals(1_000_000_000_000L, entries.get(1).getLastModifiedTime().toMillis());
  }

  @Test
  void write_subsecondTimes_truncatedToSeconds() throws IOException {
    Path upper = Files.createDirectories(temp.resolve("upper"));
    Files.writeString(upper.resolve("f"), "x");
    Files.setLastModifiedTime(upper.resolve("f"), FileTime.fromMillis(1_700_000_000_999L));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    writer.write(upper, out, LayerWriteOptions.uncompressed());

    assertEquals(
        1_700_000_000_000L, entries(out.toByteArray()).get(0).getLastModifiedTime().toMillis());
  }

  @Test
  void write_differentContent_givesDifferentDiffIds() throws IOException {
    Path upper = Files.createDirectories(temp.resolve("upper"));
    Files.writeString(upper.resolve("f"), "one");
    WrittenLayer first =
        writer.write(upper, new ByteArrayOutputStream(), LayerWriteOptions.gzipped());
    Files.writeString(upper.resolve("f"), "two");
    Files.setLastModifiedTime(upper.resolve("f"), Files.getLastModifiedTime(upper.resolve("f")));

    WrittenLayer second =
        writer.write(upper, new ByteArrayOutputStream(), LayerWriteOptions.gzipped());

    assertNotEquals(first.diffId(), second.diffId());
  }

  @Test
  void write_callerStream_leftOpen() throws IOException {
    Path upper = Files.createDirectories(temp.resolve("upper"));
    Files.writeString(upper.resolve("f"), "x");
    boolean[] closed = {false};
    ByteArrayOutputStream out =
        new ByteArrayOutputStream() {
          @Override
          public void close() {
            closed[0] = true;
          }
        };

    writer.write(upper, out, LayerWriteOptions.gzipped());

    assertFalse(closed[0]);
    assertTrue(out.size() > 0);
  }

  @Test
  void write_userNamespaceOpaque_readsUserAttribute() throws IOException {
    Path upper = Files.createDirectories(temp.resolve("upper/cache"));
    Files.getFileAttributeView(
            upper,
            java.nio.file.attribute.UserDefinedFileAttributeView.class,
            LinkOption.NOFOLLOW_LINKS)
        .write("overlay.opaque", java.nio.ByteBuffer.wrap(new byte[] {'y'}));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new LayerWriter(OverlayNamespace.USER)
        .write(temp.resolve("upper"), out, LayerWriteOptions.uncompressed());

    List<String> names = entries(out.toByteArray()).stream().map(TarArchiveEntry::getName).toList();
    assertEquals(List.of("cache/", "cache/.wh..wh..opq"), names);
  }

  static List<TarArchiveEntry> entries(byte[] tar) throws IOException {
    List<TarArchiveEntry> entries = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      TarArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.add(entry);
      }
    }
    return entries;
  }

  private static byte[] gunzip(byte[] gzip) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    }
  }
}
