package org.iechorfile.engine.fs;

import static org.iechorfile.engine.fs.TestLayers.file;
import static org.iechorfile.engine.fs.TestLayers.whiteout;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasteTest {

  @TempDir Path temp;

  @Test
  void of_filesRemovedAndOverwrittenLater_areTracedToBothLayers() throws Exception {
    TestLayers layers = new TestLayers(temp);
    Path base = layers.layer();
    file(base, "bin/sh", "shell");
    Path download = layers.layer();
    file(download, "tmp/archive.tar", "x".repeat(1000));
    file(download, "etc/config", "first");
    Path cleanup = layers.layer();
    whiteout(cleanup, "tmp/archive.tar");
    Path rewrite = layers.layer();
    file(rewrite, "etc/config", "second version");

    Waste waste = Waste.of(LayeredView.of(List.of(base, download, cleanup, rewrite)));

    assertEquals(
        List.of(
            new WastedFile("/tmp/archive.tar", 1000, 1, 2, true),
            new WastedFile("/etc/config", 5, 1, 3, false)),
        waste.files());
    assertEquals(1005, waste.bytes());
    assertEquals(Map.of(1, 1005L), waste.bytesByLayer());
  }

  @Test
  void of_nothingHidden_isEmpty() throws Exception {
    TestLayers layers = new TestLayers(temp);
    Path base = layers.layer();
    file(base, "a", "a");
    Path top = layers.layer();
    file(top, "b", "b");

    assertEquals(List.of(), Waste.of(LayeredView.of(List.of(base, top))).files());
  }
}
