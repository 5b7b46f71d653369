package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iechorfile.engine.tar.OverlayNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lookups through stacked overlay layers, made by hand (whiteouts need root, as in CI). */
class ImageTreeTest {

  @TempDir Path temp;

  private Path layer(String name) throws IOException {
    return Files.createDirectories(temp.resolve(name));
  }

  private static LayerRef ref(Path directory) {
    return new LayerRef(
        directory.getFileName().toString(), directory, "l" + directory.hashCode(), 0);
  }

  private static void write(Path root, String path, String text) throws IOException {
    Files.createDirectories(root.resolve(path).getParent());
    Files.writeString(root.resolve(path), text);
  }

  private static void whiteout(Path root, String path) throws Exception {
    Process mknod =
        new ProcessBuilder("mknod", root.resolve(path).toString(), "c", "0", "0").start();
    assertEquals(0, mknod.waitFor(), "mknod needs root (CI runs the tests as root)");
  }

  @Test
  void entry_topmostLayerDecidesAndWhiteoutsDelete() throws Exception {
    Path base = layer("base");
    Path top = layer("top");
    write(base, "etc/a", "old");
    write(base, "etc/b", "b");
    write(top, "etc/a", "new");
    whiteout(top, "etc/b");
    ImageTree tree = new ImageTree(List.of(ref(base), ref(top)), "image");
    assertEquals("new", Files.readString(tree.entry("etc/a").orElseThrow().file()));
    assertTrue(tree.entry("etc/b").isEmpty());
    assertEquals(List.of("a"), tree.children("etc"));
  }

  @Test
  void entry_fileInAHigherLayer_hidesTheDirectoryBelow() throws Exception {
    Path base = layer("base");
    Path top = layer("top");
    write(base, "opt/x/f", "f");
    write(top, "opt/x", "now a file");
    ImageTree tree = new ImageTree(List.of(ref(base), ref(top)), "image");
    assertTrue(tree.entry("opt/x/f").isEmpty());
    assertEquals(List.of(), tree.children("opt/x"));
  }

  @Test
  void entry_linkInALowerLayer_neverLeadsOntoTheHost(@TempDir Path host) throws Exception {
    Files.writeString(host.resolve("secret"), "host file");
    Path base = layer("base");
    Path top = layer("top");
    Files.createSymbolicLink(base.resolve("data"), host.toAbsolutePath());
    Files.createDirectories(top.resolve("data"));
    ImageTree tree = new ImageTree(List.of(ref(base), ref(top)), "image");
    assertTrue(tree.entry("data/secret").isEmpty());
    assertEquals(List.of(), tree.children("data"));
  }

  @Test
  void entry_opaqueDirectory_hidesWhatLowerLayersHeld() throws Exception {
    Path base = layer("base");
    Path top = layer("top");
    write(base, "app/old.txt", "old");
    write(base, "app/sub/deep.txt", "deep");
    write(top, "app/new.txt", "new");
    Process mark =
        new ProcessBuilder(
                "setfattr",
                "-n",
                OverlayNamespace.current().opaqueAttribute(),
                "-v",
                "y",
                top.resolve("app").toString())
            .start();
    assertEquals(0, mark.waitFor(), "setfattr (Debian package attr) marks the directory opaque");
    ImageTree tree = new ImageTree(List.of(ref(base), ref(top)), "image");
    assertEquals(List.of("new.txt"), tree.children("app"));
    assertTrue(tree.entry("app/old.txt").isEmpty());
    assertTrue(tree.entry("app/sub/deep.txt").isEmpty());
    assertTrue(tree.entry("app/new.txt").isPresent());
    ImageTree plain = new ImageTree(List.of(ref(base), ref(top)).subList(0, 1), "base");
    assertTrue(plain.entry("app/old.txt").isPresent());
  }

  @Test
  void resolve_linksStayInsideTheImage() throws Exception {
    Path base = layer("base");
    write(base, "real/f", "f");
    Files.createSymbolicLink(base.resolve("abs"), Path.of("/real"));
    Files.createSymbolicLink(base.resolve("rel"), Path.of("../../../real"));
    Files.createSymbolicLink(base.resolve("loop"), Path.of("loop"));
    ImageTree tree = new ImageTree(List.of(ref(base)), "image");
    assertEquals("real/f", tree.resolve("abs/f"));
    assertEquals("real/f", tree.resolve("rel/f"));
    assertEquals("abs", tree.resolve("abs", false));
    assertEquals("loop", tree.resolve("loop"));
  }

  @Test
  void children_mergeLayersSorted() throws Exception {
    Path base = layer("base");
    Path top = layer("top");
    write(base, "d/b", "b");
    write(top, "d/a", "a");
    write(top, "d/c", "c");
    ImageTree tree = new ImageTree(List.of(ref(base), ref(top)), "image");
    assertEquals(List.of("a", "b", "c"), tree.children("d"));
    assertEquals(List.of("d"), tree.children(""));
  }
}
