package org.iechorfile.engine.tar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layers exchanged with GNU tar, which writes and reads binary {@code SCHILY.xattr} values as Go's
 * archive/tar (Docker, podman, BuildKit) does: file capabilities must survive both ways.
 */
class TarInteropTest {

  /** {@code cap_net_raw+ep} as {@code setcap} stores it (VFS_CAP_REVISION_2). */
  private static final byte[] CAPABILITY = {
    1, 0, 0, 2, 0, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  };

  @TempDir Path temp;

  @Test
  @Timeout(60)
  void write_binaryCapability_gnuTarRestoresIt() throws Exception {
    Path upper = Files.createDirectories(temp.resolve("upper/usr/bin"));
    Files.write(upper.resolve("ping"), new byte[] {1, 2, 3});
    SpecialFiles.setAttributes(
        Map.of(upper.resolve("ping"), Map.of("security.capability", CAPABILITY)));
    Path blob = temp.resolve("layer.tar");
    try (OutputStream out = Files.newOutputStream(blob)) {
      new LayerWriter(OverlayNamespace.TRUSTED)
          .write(temp.resolve("upper"), out, LayerWriteOptions.uncompressed());
    }
    Path gnu = Files.createDirectories(temp.resolve("gnu"));

    run("tar", "--xattrs", "--xattrs-include=*", "-xpf", blob.toString(), "-C", gnu.toString());

    assertArrayEquals(
        CAPABILITY,
        SpecialFiles.readAttributes(gnu).get(Path.of("usr/bin/ping")).get("security.capability"));
    assertEquals(
        "usr/bin/ping", LayerWriterTest.entries(Files.readAllBytes(blob)).get(2).getName());
  }

  @Test
  @Timeout(60)
  void extract_gnuTarBinaryCapability_restoredExactly() throws Exception {
    Path source = Files.createDirectories(temp.resolve("source/usr/bin"));
    Files.write(source.resolve("ping"), new byte[] {1, 2, 3});
    SpecialFiles.setAttributes(
        Map.of(source.resolve("ping"), Map.of("security.capability", CAPABILITY)));
    Path blob = temp.resolve("gnu.tar");
    run(
        "tar",
        "--xattrs",
        "--xattrs-include=*",
        "--format=posix",
        "-cf",
        blob.toString(),
        "-C",
        temp.resolve("source").toString(),
        "usr");
    Path target = temp.resolve("ours");

    try (InputStream in = Files.newInputStream(blob)) {
      new LayerExtractor(OverlayNamespace.TRUSTED).extract(in, target);
    }

    assertArrayEquals(
        CAPABILITY,
        SpecialFiles.readAttributes(target)
            .get(Path.of("usr/bin/ping"))
            .get("security.capability"));
  }

  @Test
  void extract_handWrittenBinaryPaxRecord_restoredExactly() throws IOException {
    byte[] header = PaxRecords.encode(Map.of("SCHILY.xattr.security.capability", CAPABILITY));
    byte[] layer =
        new TarFixture()
            .put(TarFixture.entry("PaxHeaders/ping", (byte) 'x', 0644), header)
            .file("ping", 0755, "binary")
            .tar();
    Path target = temp.resolve("layer");

    new LayerExtractor(OverlayNamespace.TRUSTED).extract(new ByteArrayInputStream(layer), target);

    assertArrayEquals(
        CAPABILITY,
        SpecialFiles.readAttributes(target).get(Path.of("ping")).get("security.capability"));
  }

  private static void run(String... argv) throws Exception {
    Process process = new ProcessBuilder(List.of(argv)).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    assertEquals(
        0, process.exitValue(), new String(output, java.nio.charset.StandardCharsets.UTF_8));
  }
}
