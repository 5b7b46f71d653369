package org.iechorfile.engine.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownLayerEntriesTest {

  @TempDir Path temp;

  @Test
  void of_sameLayerTwice_sameKnownEntries() throws Exception {
    Path layer = Files.createDirectories(temp.resolve("layer/etc"));
    KnownLayerEntries known = new KnownLayerEntries(8);

    Map<String, LayerLookup.Kind> first = known.of(layer.getParent());
    assertEquals(
        LayerLookup.Kind.DIRECTORY, KnownLayerEntries.kind(first, layer.getParent(), "etc"));
    assertSame(first, known.of(layer.getParent()));
  }

  @Test
  void of_layerMadeAnewUnderTheSameName_looksAgain() throws Exception {
    Path layer = temp.resolve("layer");
    Files.createDirectories(layer.resolve("etc"));
    KnownLayerEntries known = new KnownLayerEntries(8);
    Map<String, LayerLookup.Kind> first = known.of(layer);
    KnownLayerEntries.kind(first, layer, "etc");

    // Moved away rather than removed, so that the new directory cannot get the old one's inode.
    Files.move(layer, temp.resolve("old-layer"));
    Files.createDirectories(layer);
    Files.writeString(layer.resolve("etc"), "a file now");
    Map<String, LayerLookup.Kind> second = known.of(layer);

    assertNotSame(first, second);
    assertEquals(LayerLookup.Kind.OTHER, KnownLayerEntries.kind(second, layer, "etc"));
  }

  @Test
  void kind_absentAndSymlink_toldApart() throws Exception {
    Path layer = Files.createDirectories(temp.resolve("layer"));
    Files.createSymbolicLink(layer.resolve("lib"), Path.of("usr/lib"));
    Map<String, LayerLookup.Kind> entries = new KnownLayerEntries(8).of(layer);

    assertEquals(LayerLookup.Kind.SYMLINK, KnownLayerEntries.kind(entries, layer, "lib"));
    assertEquals(LayerLookup.Kind.ABSENT, KnownLayerEntries.kind(entries, layer, "proc"));
  }

  @Test
  void of_missingLayer_emptyAndNotRemembered() throws Exception {
    KnownLayerEntries known = new KnownLayerEntries(8);

    assertNotSame(known.of(temp.resolve("gone")), known.of(temp.resolve("gone")));
  }
}
