package org.iechorfile.engine.tar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntryPathTest {

  @Test
  void parse_dotSlashAndTrailingSlash_normalised() throws UnsafeLayerException {
    assertEquals(List.of("etc", "passwd"), EntryPath.parse("./etc//./passwd").components());
    assertEquals(List.of("etc"), EntryPath.parse("etc/").components());
    assertTrue(EntryPath.parse("./").isRoot());
  }

  @Test
  void parse_dotDotAnywhere_refused() {
    assertThrows(UnsafeLayerException.class, () -> EntryPath.parse("a/b/../c"));
    assertThrows(UnsafeLayerException.class, () -> EntryPath.parse(".."));
  }

  @Test
  void parse_absolute_refused() {
    assertThrows(UnsafeLayerException.class, () -> EntryPath.parse("/etc/passwd"));
  }

  @Test
  void parent_ofNestedPath_dropsLastComponent() throws UnsafeLayerException {
    EntryPath path = EntryPath.parse("a/b/.wh.c");

    assertEquals("a/b", path.parent().toString());
    assertEquals("a/b/c", path.parent().child("c").toString());
    assertEquals(".wh.c", path.fileName());
  }
}
