package org.iechorfile.engine.tar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.iechorfile.engine.image.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerExtractorTest {

  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  @TempDir Path temp;

  private final LayerExtractor extractor = new LayerExtractor(OverlayNamespace.TRUSTED);

  private Map<String, Object> attributes(Path path) throws IOException {
    return Files.readAttributes(path, "unix:mode,uid,gid,rdev,ino,lastModifiedTime", NOFOLLOW);
  }

  @Test
  void extract_everyEntryType_keepsTypesOwnersModesAndTimes() throws IOException {
    TarArchiveEntry owned = TarFixture.entry("home/app/", TarConstants.LF_DIR, 0750);
    owned.setUserId(1000);
    owned.setGroupId(1001);
    TarArchiveEntry tool = TarFixture.entry("bin/tool", TarConstants.LF_NORMAL, 04755);
    tool.setUserId(0);
    tool.setGroupId(50);
    byte[] layer =
        new TarFixture()
            .dir("./", 0755)
            .dir("bin", 0755)
            .put(tool, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8))
            .dir("home", 0755)
            .put(owned, null)
            .file("home/app/shared", 02775, "data")
            .dir("tmp", 01777)
            .symlink("bin/sh", "/bin/busybox")
            .hardLink("bin/tool2", "bin/tool")
            .device("dev/null", TarConstants.LF_CHR, 1, 3)
            .device("dev/loop0", TarConstants.LF_BLK, 7, 0)
            .put(TarFixture.entry("run/fifo", TarConstants.LF_FIFO, 0600), null)
            .tar();
    Path target = temp.resolve("layer");

    ExtractedLayer result = extractor.extract(new ByteArrayInputStream(layer), target);

    assertEquals(Digest.sha256(layer), result.diffId());
    assertEquals(layer.length, result.uncompressedSize());
    assertEquals(12, result.entries());
    assertEquals(0104755, attributes(target.resolve("bin/tool")).get("mode"));
    assertEquals(50, attributes(target.resolve("bin/tool")).get("gid"));
    assertEquals(040750, attributes(target.resolve("home/app")).get("mode"));
    assertEquals(1000, attributes(target.resolve("home/app")).get("uid"));
    assertEquals(1001, attributes(target.resolve("home/app")).get("gid"));
    assertEquals(0102775, attributes(target.resolve("home/app/shared")).get("mode"));
    assertEquals(041777, attributes(target.resolve("tmp")).get("mode"));
    assertEquals(Path.of("/bin/busybox"), Files.readSymbolicLink(target.resolve("bin/sh")));
    assertEquals(
        attributes(target.resolve("bin/tool")).get("ino"),
        attributes(target.resolve("bin/tool2")).get("ino"));
    assertEquals(020660, attributes(target.resolve("dev/null")).get("mode"));
    assertEquals(0x103L, attributes(target.resolve("dev/null")).get("rdev"));
    assertEquals(060660, attributes(target.resolve("dev/loop0")).get("mode"));
    assertEquals(0x700L, attributes(target.resolve("dev/loop0")).get("rdev"));
    assertEquals(010600, attributes(target.resolve("run/fifo")).get("mode"));
    for (String path : List.of("bin", "bin/tool", "bin/sh", "home/app", "dev/null", "run/fifo")) {
      assertEquals(
          TarFixture.MTIME, attributes(target.resolve(path)).get("lastModifiedTime"), path);
    }
  }

  @Test
  void extract_paxXattrs_setsEveryNamespace() throws IOException {
    TarArchiveEntry file = TarFixture.entry("usr/bin/ping", TarConstants.LF_NORMAL, 0755);
    file.addPaxHeader("SCHILY.xattr.user.comment", "hello");
    file.addPaxHeader("SCHILY.xattr.trusted.note", "kept");
    file.addPaxHeader("LIBARCHIVE.xattr.security.capability", "AQAAAgAgAAAAAAAAAAAAAAAAAAA=");
    byte[] layer = new TarFixture().put(file, new byte[] {1, 2, 3}).tar();
    Path target = temp.resolve("layer");

    extractor.extract(new ByteArrayInputStream(layer), target);

    Map<String, byte[]> xattrs = SpecialFiles.readAttributes(target).get(Path.of("usr/bin/ping"));
    assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), xattrs.get("user.comment"));
    assertArrayEquals("kept".getBytes(StandardCharsets.UTF_8), xattrs.get("trusted.note"));
    assertArrayEquals(
        java.util.Base64.getDecoder().decode("AQAAAgAgAAAAAAAAAAAAAAAAAAA="),
        xattrs.get("security.capability"));
  }

  @Test
  void extract_whiteout_becomesCharacterDeviceZeroZero() throws IOException {
    byte[] layer = new TarFixture().dir("etc", 0755).file("etc/.wh.motd", 0644, "").tar();
    Path target = temp.resolve("layer");

    extractor.extract(new ByteArrayInputStream(layer), target);

    Path whiteout = target.resolve("etc/motd");
    assertEquals(020000, attributes(whiteout).get("mode"));
    assertEquals(0L, attributes(whiteout).get("rdev"));
    assertFalse(Files.exists(target.resolve("etc/.wh.motd"), NOFOLLOW));
  }

  @Test
  void extract_whiteoutOfFileInSameLayer_keepsTheFile() throws IOException {
    byte[] layer =
        new TarFixture()
            .dir("etc", 0755)
            .file("etc/motd", 0644, "hi")
            .file("etc/.wh.motd", 0644, "")
            .tar();
    Path target = temp.resolve("layer");

    extractor.extract(new ByteArrayInputStream(layer), target);

    assertEquals("hi", Files.readString(target.resolve("etc/motd")));
  }

  @Test
  void extract_opaqueMarker_setsTrustedOpaqueAttribute() throws IOException {
    byte[] layer =
        new TarFixture().dir("var/cache", 0755).file("var/cache/.wh..wh..opq", 0644, "").tar();
    Path target = temp.resolve("layer");

    extractor.extract(new ByteArrayInputStream(layer), target);

    Map<String, byte[]> xattrs = SpecialFiles.readAttributes(target).get(Path.of("var/cache"));
    assertArrayEquals(new byte[] {'y'}, xattrs.get("trusted.overlay.opaque"));
    assertFalse(Files.exists(target.resolve("var/cache/.wh..wh..opq"), NOFOLLOW));
  }

  @Test
  void extract_opaqueMarkerInUserNamespace_setsUserOpaqueAttribute() throws IOException {
    byte[] layer =
        new TarFixture().dir("var/cache", 0755).file("var/cache/.wh..wh..opq", 0644, "").tar();
    Path target = temp.resolve("layer");

    new LayerExtractor(OverlayNamespace.USER).extract(new ByteArrayInputStream(layer), target);

    Map<String, byte[]> xattrs = SpecialFiles.readAttributes(target).get(Path.of("var/cache"));
    assertArrayEquals(new byte[] {'y'}, xattrs.get("user.overlay.opaque"));
    assertFalse(xattrs.containsKey("trusted.overlay.opaque"));
  }

  @Test
  void extract_eachCompression_detectedByMagicBytes() throws IOException {
    List<byte[]> blobs =
        List.of(
            fixture().tar(),
            fixture().gzip(),
            fixture().bzip2(),
            fixture().xz(),
            zstd(fixture().tar()));
    Digest plain = Digest.sha256(fixture().tar());
    int index = 0;
    for (byte[] blob : blobs) {
      Path target = temp.resolve("layer" + index++);
      ExtractedLayer result = extractor.extract(new ByteArrayInputStream(blob), target);
      assertEquals(plain, result.diffId());
      assertEquals("content", Files.readString(target.resolve("a/file")));
    }
  }

  private static TarFixture fixture() throws IOException {
    return new TarFixture().dir("a", 0755).file("a/file", 0644, "content");
  }

  private static byte[] zstd(byte[] tar) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (com.github.luben.zstd.ZstdOutputStream out =
        new com.github.luben.zstd.ZstdOutputStream(bytes)) {
      out.write(tar);
    }
    return bytes.toByteArray();
  }

  @Test
  void extract_corruptZstdBlob_refusedAndNothingKept() throws IOException {
    byte[] zstd = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0, 0, 0};

    assertThrows(
        IOException.class,
        () -> extractor.extract(new ByteArrayInputStream(zstd), temp.resolve("layer")));

    assertFalse(Files.exists(temp.resolve("layer")));
  }

  @Test
  void extract_truncatedGzip_refusedAndNothingKept() throws IOException {
    byte[] gzip = fixture().gzip();
    byte[] truncated = java.util.Arrays.copyOf(gzip, gzip.length / 2);

    assertThrows(
        LayerFormatException.class,
        () -> extractor.extract(new ByteArrayInputStream(truncated), temp.resolve("layer")));

    assertEquals(List.of(), listing(temp));
  }

  @Test
  void extract_wrongDiffId_refusedAndNothingKept() throws IOException {
    byte[] layer = fixture().tar();

    LayerFormatException e =
        assertThrows(
            LayerFormatException.class,
            () ->
                extractor.extract(
                    new ByteArrayInputStream(layer),
                    temp.resolve("layer"),
                    Digest.sha256("other")));

    assertTrue(e.getMessage().contains(Digest.sha256(layer).toString()), e.getMessage());
    assertEquals(List.of(), listing(temp));
  }

  @Test
  void extract_expectedDiffId_accepted() throws IOException {
    byte[] layer = fixture().gzip();
    Digest diffId = Digest.sha256(fixture().tar());

    ExtractedLayer result =
        extractor.extract(new ByteArrayInputStream(layer), temp.resolve("layer"), diffId);

    assertEquals(diffId, result.diffId());
    assertEquals(List.of("layer"), listing(temp));
  }

  @Test
  void extract_targetNotEmpty_refused() throws IOException {
    Path target = Files.createDirectories(temp.resolve("layer"));
    Files.writeString(target.resolve("existing"), "x");

    IOException e =
        assertThrows(
            IOException.class,
            () -> extractor.extract(new ByteArrayInputStream(fixture().tar()), target));

    assertTrue(e.getMessage().contains("not an empty directory"), e.getMessage());
    assertEquals("x", Files.readString(target.resolve("existing")));
  }

  @Test
  void extract_emptyTargetDirectory_filled() throws IOException {
    Path target = Files.createDirectories(temp.resolve("layer"));

    extractor.extract(new ByteArrayInputStream(fixture().tar()), target);

    assertEquals("content", Files.readString(target.resolve("a/file")));
  }

  @Test
  void extract_laterEntry_replacesEarlierOne() throws IOException {
    byte[] layer =
        new TarFixture()
            .file("a", 0644, "first")
            .file("a", 0600, "second")
            .dir("d", 0755)
            .file("d/x", 0644, "x")
            .file("d", 0644, "now a file")
            .tar();
    Path target = temp.resolve("layer");

    extractor.extract(new ByteArrayInputStream(layer), target);

    assertEquals("second", Files.readString(target.resolve("a")));
    assertEquals("now a file", Files.readString(target.resolve("d")));
  }

  @Test
  void extract_callerStream_leftOpen() throws IOException {
    boolean[] closed = {false};
    ByteArrayInputStream in =
        new ByteArrayInputStream(fixture().gzip()) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };

    extractor.extract(in, temp.resolve("layer"));

    assertFalse(closed[0]);
  }

  @Test
  void extract_implicitParents_createdAsRootOwnedDirectories() throws IOException {
    byte[] layer = new TarFixture().file("deep/er/file", 0644, "x").tar();
    Path target = temp.resolve("layer");

    extractor.extract(new ByteArrayInputStream(layer), target);

    assertEquals(040755, attributes(target.resolve("deep/er")).get("mode"));
    assertEquals(040755, attributes(target).get("mode"));
    assertEquals(
        FileTime.fromMillis(0), attributes(target.resolve("deep")).get("lastModifiedTime"));
  }

  @Test
  void extract_userNamespace_skipsDevicesAndTrustedAttributes() throws IOException {
    TarArchiveEntry noted = TarFixture.entry("etc/noted", TarConstants.LF_NORMAL, 0644);
    noted.addPaxHeader("SCHILY.xattr.trusted.note", "root only");
    noted.addPaxHeader("SCHILY.xattr.user.note", "anyone");
    byte[] layer =
        new TarFixture()
            .device("dev/null", TarConstants.LF_CHR, 1, 3)
            .put(TarFixture.entry("run/fifo", TarConstants.LF_FIFO, 0600), null)
            .file("etc/.wh.gone", 0644, "")
            .put(noted, "x".getBytes(StandardCharsets.UTF_8))
            .tar();
    Path target = temp.resolve("layer");

    new LayerExtractor(OverlayNamespace.USER).extract(new ByteArrayInputStream(layer), target);

    assertFalse(Files.exists(target.resolve("dev/null"), NOFOLLOW));
    assertEquals(010600, attributes(target.resolve("run/fifo")).get("mode"));
    assertEquals(020000, attributes(target.resolve("etc/gone")).get("mode"));
    Map<String, byte[]> xattrs = SpecialFiles.readAttributes(target).get(Path.of("etc/noted"));
    assertEquals(List.of("user.note"), List.copyOf(xattrs.keySet()));
  }

  @Test
  void extract_garbage_refusedAsNotATarArchive() throws IOException {
    byte[] garbage = new byte[4096];
    new java.util.Random(7).nextBytes(garbage);
    garbage[0] = 'x';

    LayerFormatException e =
        assertThrows(
            LayerFormatException.class,
            () -> extractor.extract(new ByteArrayInputStream(garbage), temp.resolve("layer")));

    assertTrue(e.getMessage().contains("not a valid tar archive"), e.getMessage());
    assertEquals(List.of(), listing(temp));
  }

  static List<String> listing(Path directory) throws IOException {
    try (Stream<Path> list = Files.list(directory)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
