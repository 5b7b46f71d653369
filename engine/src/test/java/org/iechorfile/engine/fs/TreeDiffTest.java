package org.iechorfile.engine.fs;

import static org.iechorfile.engine.fs.TestLayers.file;
import static org.iechorfile.engine.fs.TestLayers.opaque;
import static org.iechorfile.engine.fs.TestLayers.whiteout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeDiffTest {

  @TempDir Path temp;

  @Test
  void between_layerOnTop_reportsAddedChangedRemovedWithSizes() throws Exception {
    TestLayers layers = new TestLayers(temp);
    Path base = layers.layer();
    file(base, "etc/keep", "same");
    file(base, "etc/edit", "old");
    file(base, "doc/a", "aaaa");
    file(base, "doc/sub/b", "bb");
    Path step = layers.layer();
    file(step, "etc/edit", "new!!");
    file(step, "app/big", "x".repeat(100));
    whiteout(step, "doc");
    LayeredView before = LayeredView.of(List.of(base));
    LayeredView after = LayeredView.of(List.of(base, step));

    TreeDiff diff = TreeDiff.between(before, after, TreeDiff.Times.COMPARED);

    assertEquals(
        List.of(
            "A /app 0",
            "A /app/big 100",
            "D /doc 0",
            "D /doc/a 4",
            "D /doc/sub 0",
            "D /doc/sub/b 2",
            "C /etc/edit 5"),
        diff.changes().stream()
            .map(c -> c.letter() + " " + c.path() + " " + Math.max(c.bytesAfter(), c.bytesBefore()))
            .toList());
    assertEquals(105, diff.bytesAdded());
    assertEquals(6, diff.bytesRemoved());
    assertEquals("/app/big", diff.biggest(1).get(0).path());
  }

  @Test
  void between_opaqueDirectory_removesHiddenChildren() throws Exception {
    TestLayers layers = new TestLayers(temp);
    Path base = layers.layer();
    file(base, "cache/old", "o");
    Path step = layers.layer();
    opaque(step, "cache");
    file(step, "cache/new", "n");

    TreeDiff diff =
        TreeDiff.between(
            LayeredView.of(List.of(base)),
            LayeredView.of(List.of(base, step)),
            TreeDiff.Times.COMPARED);

    assertEquals(
        List.of("A /cache/new", "D /cache/old"),
        diff.changes().stream().map(c -> c.letter() + " " + c.path()).toList());
  }

  @Test
  void between_unrelatedLayersWithSameFiles_isEmptyWhenTimesIgnored() throws Exception {
    TestLayers layers = new TestLayers(temp);
    Path one = layers.layer();
    file(one, "app/run.sh", "echo hi");
    Path two = layers.layer();
    Path copy = file(two, "app/run.sh", "echo hi");
    Files.setLastModifiedTime(copy, FileTime.fromMillis(5));
    LayeredView a = LayeredView.of(List.of(one));
    LayeredView b = LayeredView.of(List.of(two));

    assertTrue(TreeDiff.between(a, b, TreeDiff.Times.IGNORED).isEmpty());
    assertEquals(
        List.of("C /app/run.sh"),
        TreeDiff.between(a, b, TreeDiff.Times.COMPARED).changes().stream()
            .map(c -> c.letter() + " " + c.path())
            .toList());
  }

  @Test
  void between_sameSizeDifferentContent_isChanged() throws Exception {
    TestLayers layers = new TestLayers(temp);
    Path one = layers.layer();
    file(one, "f", "abc");
    Path two = layers.layer();
    file(two, "f", "abd");

    TreeDiff diff =
        TreeDiff.between(
            LayeredView.of(List.of(one)), LayeredView.of(List.of(two)), TreeDiff.Times.IGNORED);

    assertEquals(1, diff.counts().get(Change.Kind.CHANGED));
  }
}
