package org.iechorfile.engine.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.tar.DirectoryTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerLookupTest {

  @TempDir Path layers;

  @Test
  void kind_topmostLayerWithAnEntryDecides() throws IOException {
    Files.createDirectories(layers.resolve("base/etc"));
    Files.writeString(layers.resolve("base/etc/hosts"), "x");
    Files.createDirectories(layers.resolve("top/etc"));
    Files.createSymbolicLink(layers.resolve("top/etc/hosts"), Path.of("/elsewhere"));
    LayerLookup lookup = new LayerLookup(layers, List.of("top", "base"));
    assertEquals(LayerLookup.Kind.SYMLINK, lookup.kind("/etc/hosts"));
    assertEquals(LayerLookup.Kind.DIRECTORY, lookup.kind("/etc"));
    assertEquals(LayerLookup.Kind.ABSENT, lookup.kind("/proc"));
    assertEquals(Optional.of("/etc/hosts"), lookup.symlinkOnPath("/etc/hosts/x"));
  }

  @Test
  void kind_ofTheNextStep_looksIntoItsNewLayerOnly() throws IOException {
    Files.createDirectories(layers.resolve("base/proc"));
    Files.createDirectories(layers.resolve("step1"));
    Files.createDirectories(layers.resolve("step2/tmp"));
    assertEquals(
        LayerLookup.Kind.DIRECTORY,
        new LayerLookup(layers, List.of("step1", "base")).kind("/proc"));
    // Were the layers below the new one read again, the answer would change.
    DirectoryTrees.delete(layers.resolve("base"));
    LayerLookup next = new LayerLookup(layers, List.of("step2", "step1", "base"));
    assertEquals(LayerLookup.Kind.DIRECTORY, next.kind("/proc"));
    assertEquals(LayerLookup.Kind.DIRECTORY, next.kind("/tmp"));
  }
}
