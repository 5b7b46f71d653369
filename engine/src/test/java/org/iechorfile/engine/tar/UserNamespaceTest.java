package org.iechorfile.engine.tar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layers unpacked and written as root of a user namespace, as the launcher runs the engine for
 * users without root (util-linux {@code unshare}).
 */
class UserNamespaceTest {

  @TempDir Path temp;

  @Test
  @Timeout(120)
  void extractAndWrite_inUserNamespace_useUserOverlayAttributesAndOwnIdForUnmappedOwners()
      throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path work = Files.createDirectories(temp.resolve("work"));
    Process process =
        new ProcessBuilder(
                "unshare",
                "--user",
                "--map-root-user",
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                UserNamespaceProbe.class.getName(),
                work.toString())
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the probe did not finish");
    String text = new String(output, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), text);

    List<String> lines = text.lines().filter(l -> !l.startsWith("WARNING")).toList();
    assertTrue(lines.contains("namespace USER"), text);
    assertTrue(lines.contains("attributes [var/cache]"), text);
    assertTrue(lines.contains("owner notes 0:0"), text);
    assertTrue(lines.contains("entry etc/.wh.motd 0"), text);
    assertTrue(lines.contains("entry var/cache/.wh..wh..opq 0"), text);
    assertTrue(lines.contains("entry var/cache/kept 4755"), text);
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("entry dev/null")), text);
  }
}
