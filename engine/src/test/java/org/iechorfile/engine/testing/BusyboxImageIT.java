package org.iechorfile.engine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class BusyboxImageIT {

  @Test
  void build_layer_busyboxAppletsUsersAndFixedMetadata() throws Exception {
    BusyboxImage image = BusyboxImage.build(Platform.LINUX_AMD64);
    Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
    Map<String, String> texts = new LinkedHashMap<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(
            new GzipCompressorInputStream(new ByteArrayInputStream(image.layer())))) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        entries.put(e.getName(), e);
        if (e.getName().startsWith("etc/")) {
          texts.put(e.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    List<String> names = new ArrayList<>(entries.keySet());
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(null);
    assertEquals(sorted, names, "entries are sorted");
    assertTrue(entries.size() > 250, "one entry per applet: " + entries.size());
    assertEquals(01777, entries.get("tmp/").getMode() & 07777);
    assertTrue(entries.get("bin/sh").isSymbolicLink());
    assertEquals("/bin/busybox", entries.get("bin/sh").getLinkName());
    assertTrue(entries.get("bin/busybox").isFile());
    assertTrue(texts.get("etc/passwd").contains("app:x:1000:1000:"), texts.get("etc/passwd"));
    assertTrue(texts.get("etc/passwd").contains("nobody:x:65534:"), texts.get("etc/passwd"));
    assertTrue(texts.get("etc/group").contains("app:x:1000:"), texts.get("etc/group"));
    for (TarArchiveEntry e : entries.values()) {
      assertEquals(BusyboxImage.EPOCH, e.getLastModifiedTime().toInstant(), e.getName());
    }
    assertEquals(1000, entries.get("home/app/").getLongUserId());
    assertEquals(Digest.sha256(image.layerTar()), image.config().diffIds().get(0));
    assertEquals(List.of("PATH=" + BusyboxImage.PATH), image.config().config().env());
  }
}
