package org.iechorfile.engine.tar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class WhiteoutsTest {

  @TempDir Path layer;

  private Path mknod(String name, String major, String minor) throws Exception {
    Path node = layer.resolve(name);
    Process process =
        new ProcessBuilder("mknod", node.toString(), "c", major, minor)
            .redirectErrorStream(true)
            .start();
    assertTrue(process.waitFor(10, TimeUnit.SECONDS), "mknod did not finish");
    assertEquals(0, process.exitValue(), "mknod needs root (CI runs the tests as root)");
    return node;
  }

  @Test
  @Timeout(30)
  void isWhiteout_characterDeviceZeroZero_true() throws Exception {
    assertTrue(Whiteouts.isWhiteout(mknod("gone", "0", "0")));
  }

  @Test
  @Timeout(30)
  void isWhiteout_otherCharacterDevice_false() throws Exception {
    assertFalse(Whiteouts.isWhiteout(mknod("null", "1", "3")));
  }

  @Test
  void isWhiteout_regularFileDirectoryOrLink_false() throws Exception {
    Path file = Files.writeString(layer.resolve("file"), "x");
    Path link = Files.createSymbolicLink(layer.resolve("link"), Path.of("/dev/null"));
    assertFalse(Whiteouts.isWhiteout(file));
    assertFalse(Whiteouts.isWhiteout(layer));
    assertFalse(Whiteouts.isWhiteout(link));
  }

  @Test
  void isWhiteout_nothingThere_false() throws Exception {
    assertFalse(Whiteouts.isWhiteout(layer.resolve("missing")));
  }

  @Test
  void isWhiteout_parentAFile_throws() throws Exception {
    Files.writeString(layer.resolve("file"), "x");
    assertThrows(IOException.class, () -> Whiteouts.isWhiteout(layer.resolve("file/below")));
  }

  @Test
  void isWhiteout_attributes_decidesOnModeAndDevice() {
    assertTrue(Whiteouts.isWhiteout(Map.of("mode", 0020000, "rdev", 0L)));
    assertFalse(Whiteouts.isWhiteout(Map.of("mode", 0020644, "rdev", 259L)));
    assertFalse(Whiteouts.isWhiteout(Map.of("mode", 0060000, "rdev", 0L)));
  }

  @Test
  void isWhiteout_attributesWithoutDevice_throwsNamingWhatIsMissing() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Whiteouts.isWhiteout(Map.of("mode", 0020000)));
    assertTrue(e.getMessage().contains("rdev"), e.getMessage());
  }
}
