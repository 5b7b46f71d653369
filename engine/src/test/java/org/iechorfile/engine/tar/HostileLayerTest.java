package org.iechorfile.engine.tar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives that try to write outside their snapshot. Each must be refused with {@link
 * UnsafeLayerException}, leave no snapshot or temporary directory, and leave the files beside the
 * snapshot untouched.
 */
class HostileLayerTest {

  @TempDir Path temp;

  private Path snapshots;
  private Path outside;

  @BeforeEach
  void layout() throws IOException {
    snapshots = Files.createDirectories(temp.resolve("snapshots"));
    outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("victim"), "original");
  }

  private UnsafeLayerException refused(byte[] layer) throws IOException {
    UnsafeLayerException e =
        assertThrows(
            UnsafeLayerException.class,
            () ->
                new LayerExtractor(OverlayNamespace.TRUSTED)
                    .extract(new ByteArrayInputStream(layer), snapshots.resolve("layer")));
    assertEquals(List.of(), LayerExtractorTest.listing(snapshots), "nothing kept in the store");
    assertEquals(List.of("victim"), LayerExtractorTest.listing(outside), "nothing added outside");
    assertEquals("original", Files.readString(outside.resolve("victim")));
    assertEquals(
        List.of("outside", "snapshots"), LayerExtractorTest.listing(temp), "nothing beside");
    return e;
  }

  @Test
  void extract_absolutePath_refused() throws IOException {
    String victim = outside.resolve("victim").toString();

    UnsafeLayerException e = refused(new TarFixture().file(victim, 0644, "pwned").tar());

    assertTrue(e.getMessage().contains("absolute path"), e.getMessage());
  }

  @Test
  void extract_dotDotPath_refused() throws IOException {
    UnsafeLayerException e =
        refused(new TarFixture().file("a/../../../outside/victim", 0644, "pwned").tar());

    assertTrue(e.getMessage().contains("'..'"), e.getMessage());
  }

  @Test
  void extract_fileBelowSymlinkedParent_refused() throws IOException {
    UnsafeLayerException e =
        refused(
            new TarFixture()
                .symlink("escape", outside.toString())
                .file("escape/victim", 0644, "pwned")
                .tar());

    assertTrue(e.getMessage().contains("symbolic link 'escape'"), e.getMessage());
  }

  @Test
  void extract_relativeSymlinkThenFileThroughIt_refused() throws IOException {
    refused(
        new TarFixture()
            .dir("a", 0755)
            .symlink("a/up", "../../../outside")
            .file("a/up/new", 0644, "pwned")
            .tar());
  }

  @Test
  void extract_directoryThroughSymlink_refused() throws IOException {
    refused(new TarFixture().symlink("escape", outside.toString()).dir("escape/sub", 0755).tar());
  }

  @Test
  void extract_hardLinkToAbsolutePathOutside_refused() throws IOException {
    refused(new TarFixture().hardLink("stolen", outside.resolve("victim").toString()).tar());
  }

  @Test
  void extract_hardLinkWithDotDot_refused() throws IOException {
    refused(new TarFixture().hardLink("stolen", "../outside/victim").tar());
  }

  @Test
  void extract_hardLinkThroughSymlink_refused() throws IOException {
    UnsafeLayerException e =
        refused(
            new TarFixture()
                .symlink("escape", outside.toString())
                .hardLink("stolen", "escape/victim")
                .tar());

    assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
  }

  @Test
  void extract_hardLinkToMissingFile_refused() throws IOException {
    refused(new TarFixture().hardLink("stolen", "not/there").tar());
  }

  @Test
  void extract_whiteoutThroughSymlink_refused() throws IOException {
    refused(
        new TarFixture()
            .symlink("escape", outside.toString())
            .file("escape/.wh.victim", 0644, "")
            .tar());
  }

  @Test
  void extract_opaqueMarkerThroughSymlink_refused() throws IOException {
    refused(
        new TarFixture()
            .symlink("escape", outside.toString())
            .file("escape/.wh..wh..opq", 0644, "")
            .tar());
    Map<Path, Map<String, byte[]>> xattrs = SpecialFiles.readAttributes(outside);
    assertTrue(xattrs.isEmpty(), "no attribute set outside: " + xattrs.keySet());
  }

  @Test
  void extract_symlinkReplacedBySymlinkThenWrite_refused() throws IOException {
    refused(
        new TarFixture()
            .dir("d", 0755)
            .symlink("d", outside.toString())
            .file("d/victim", 0644, "pwned")
            .tar());
  }

  @Test
  void extract_symlinkAtLastComponent_replacedNotFollowed() throws IOException {
    Path target = snapshots.resolve("layer");

    new LayerExtractor(OverlayNamespace.TRUSTED)
        .extract(
            new ByteArrayInputStream(
                new TarFixture()
                    .symlink("victim", outside.resolve("victim").toString())
                    .file("victim", 0644, "inside")
                    .tar()),
            target);

    assertEquals("original", Files.readString(outside.resolve("victim")));
    assertEquals("inside", Files.readString(target.resolve("victim")));
    assertFalse(Files.isSymbolicLink(target.resolve("victim")));
  }
}
