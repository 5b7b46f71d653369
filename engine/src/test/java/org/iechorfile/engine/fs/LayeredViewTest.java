package org.iechorfile.engine.fs;

import static org.iechorfile.engine.fs.TestLayers.file;
import static org.iechorfile.engine.fs.TestLayers.link;
import static org.iechorfile.engine.fs.TestLayers.opaque;
import static org.iechorfile.engine.fs.TestLayers.whiteout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayeredViewTest {

  @TempDir Path temp;
  private Path base;
  private Path upper;

  @BeforeEach
  void layers() throws Exception {
    TestLayers layers = new TestLayers(temp);
    base = layers.layer();
    file(base, "etc/os-release", "ID=test\n");
    file(base, "etc/hostname", "base\n");
    file(base, "usr/lib/libc.so", "libc");
    file(base, "var/cache/a", "aaaa");
    file(base, "var/cache/b", "bbbb");
    file(base, "opt/old/one", "1");
    link(base, "lib", "usr/lib");
    upper = layers.layer();
    file(upper, "etc/hostname", "upper\n");
    whiteout(upper, "etc/os-release");
    opaque(upper, "var/cache");
    file(upper, "var/cache/c", "cc");
    whiteout(upper, "opt/old");
    link(upper, "usr/lib/loop1", "loop2");
    link(upper, "usr/lib/loop2", "loop1");
  }

  private LayeredView view() {
    return LayeredView.of(List.of(base, upper));
  }

  @Test
  void stat_fileInUpperLayer_upperVersionWins() throws IOException {
    FileEntry hostname = view().stat("/etc/hostname").orElseThrow();

    assertEquals(1, hostname.layer());
    assertEquals(6, hostname.size());
    assertEquals(FileType.FILE, hostname.type());
    assertEquals(0, LayeredView.of(List.of(base)).stat("/etc/hostname").orElseThrow().layer());
  }

  @Test
  void stat_whitedOutFile_isAbsent() throws IOException {
    assertTrue(view().stat("/etc/os-release").isEmpty());
    assertTrue(view().stat("/opt/old/one").isEmpty());
    assertTrue(view().stat("/opt/old").isEmpty());
    assertTrue(view().stat("/opt").isPresent());
  }

  @Test
  void list_whiteoutAndOpaqueDirectory_hideLowerEntries() throws IOException {
    assertEquals(List.of("hostname"), names(view().list("/etc")));
    assertEquals(List.of("c"), names(view().list("/var/cache")));
    assertEquals(List.of(), names(view().list("/opt")));
    assertEquals(List.of("etc", "lib", "opt", "usr", "var"), names(view().list("/")));
  }

  @Test
  void list_symlinkToDirectory_listsTarget() throws IOException {
    assertEquals(List.of("libc.so", "loop1", "loop2"), names(view().list("/lib")));
    assertEquals("usr/lib", view().stat("/lib").orElseThrow().linkTarget());
    assertEquals(FileType.SYMLINK, view().stat("/lib").orElseThrow().type());
  }

  @Test
  void open_pathThroughSymlinkAndDotDot_readsFileInsideImage() throws IOException {
    try (InputStream in = view().open("/lib/../../../lib/libc.so")) {
      assertEquals("libc", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void open_directoryOrMissing_throwsSpecificExceptions() {
    assertThrows(FileSystemException.class, () -> view().open("/etc"));
    assertThrows(NoSuchFileException.class, () -> view().open("/etc/os-release"));
    assertThrows(NotDirectoryException.class, () -> view().list("/etc/hostname"));
    assertThrows(FileSystemLoopException.class, () -> view().open("/usr/lib/loop1"));
  }

  @Test
  void walk_wholeImage_visitsEveryVisibleEntryInOrderWithDepth() throws IOException {
    List<String> seen = new ArrayList<>();
    view()
        .walk(
            "/",
            (entry, depth) -> {
              seen.add(depth + " " + entry.path());
              return !entry.path().equals("/usr");
            });

    assertEquals(
        List.of(
            "0 /",
            "1 /etc",
            "2 /etc/hostname",
            "1 /lib",
            "1 /opt",
            "1 /usr",
            "1 /var",
            "2 /var/cache",
            "3 /var/cache/c"),
        seen);
  }

  @Test
  void of_noLayers_isAnEmptyRoot() throws IOException {
    LayeredView scratch = LayeredView.of(List.of());

    assertTrue(scratch.stat("/").orElseThrow().isDirectory());
    assertEquals(List.of(), scratch.list("/"));
    assertFalse(scratch.stat("/bin").isPresent());
  }

  @Test
  void modeString_setuidAndSticky_asLsShowsThem() {
    FileEntry entry =
        new FileEntry("/x", FileType.FILE, 04755, 0, 0, 0, java.time.Instant.EPOCH, "", 0);
    FileEntry tmp =
        new FileEntry("/tmp", FileType.DIRECTORY, 01777, 0, 0, 0, java.time.Instant.EPOCH, "", 0);

    assertEquals("-rwsr-xr-x", entry.modeString());
    assertEquals("drwxrwxrwt", tmp.modeString());
  }

  private static List<String> names(List<FileEntry> entries) {
    return entries.stream().map(FileEntry::name).toList();
  }

  @Test
  void overlayUpperWritten_upperWithDirectories_opaqueOnesStillHide() throws Exception {
    LayeredView.overlayUpperWritten(upper);

    assertEquals(List.of("c"), names(view().list("/var/cache")));
  }

  @Test
  void overlayUpperWritten_upperOfFilesOnly_hasNoOpaqueDirectories() throws Exception {
    Path files = temp.resolve("files-only");
    file(files, "hostname", "files\n");
    LayeredView.overlayUpperWritten(files);

    LayeredView view = LayeredView.of(List.of(base, files));
    assertFalse(view.isOpaque(1, ""));
    assertEquals(0, view.stat("/etc/os-release").orElseThrow().layer());
    assertEquals(1, view.stat("/hostname").orElseThrow().layer());
  }
}
