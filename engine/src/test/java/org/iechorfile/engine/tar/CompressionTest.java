package org.iechorfile.engine.tar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressionTest {

  @Test
  void detect_magicBytes_identifyEachFormat() {
    assertEquals(Compression.GZIP, Compression.detect(new byte[] {0x1f, (byte) 0x8b, 8}));
    assertEquals(Compression.BZIP2, Compression.detect(new byte[] {'B', 'Z', 'h', '9'}));
    assertEquals(
        Compression.XZ, Compression.detect(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}));
    assertEquals(
        Compression.ZSTD, Compression.detect(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}));
    assertEquals(Compression.NONE, Compression.detect(new byte[] {'e', 't', 'c', '/'}));
    assertEquals(Compression.NONE, Compression.detect(new byte[] {0x1f}));
  }

  @Test
  void detect_stream_leavesBytesUnread() throws IOException {
    BufferedInputStream in =
        new BufferedInputStream(new ByteArrayInputStream(new byte[] {0x1f, (byte) 0x8b, 8, 0}));

    assertEquals(Compression.GZIP, Compression.detect(in));
    assertEquals(0x1f, in.read());
  }

  @Test
  void current_identityUidMap_isTrusted(@TempDir Path temp) throws IOException {
    Path initial = Files.writeString(temp.resolve("initial"), "         0          0 4294967295\n");
    Path mapped = Files.writeString(temp.resolve("mapped"), "         0     100000      65536\n");

    assertEquals(OverlayNamespace.TRUSTED, OverlayNamespace.current(initial));
    assertEquals(OverlayNamespace.USER, OverlayNamespace.current(mapped));
  }
}
