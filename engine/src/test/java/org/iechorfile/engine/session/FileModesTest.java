package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FileModesTest {

  @Test
  void apply_octal_setsTheModeOfFilesAndDirectories() {
    FileModes modes = FileModes.parse("0750");
    assertEquals(0750, modes.apply(0644, false));
    assertEquals(0750, modes.apply(0755, true));
    assertEquals(04755, FileModes.parse("4755").apply(0, false));
  }

  @Test
  void apply_symbolic_changesEachModeOnItsOwn() {
    assertEquals(0755, FileModes.parse("u+x,go+x").apply(0644, false));
    assertEquals(0640, FileModes.parse("o-r").apply(0644, false));
    assertEquals(0444, FileModes.parse("a=r").apply(0755, false));
    assertEquals(0600, FileModes.parse("go=").apply(0644, false));
    assertEquals(0755, FileModes.parse("+x").apply(0644, false));
  }

  @Test
  void apply_capitalX_addsExecuteToDirectoriesAndExecutablesOnly() {
    FileModes modes = FileModes.parse("a+X");
    assertEquals(0644, modes.apply(0644, false));
    assertEquals(0755, modes.apply(0744, false));
    assertEquals(0755, modes.apply(0644, true));
  }

  @Test
  void apply_setuidAndSticky_useTheirBits() {
    assertEquals(04755, FileModes.parse("u+s").apply(0755, false));
    assertEquals(01777, FileModes.parse("+t").apply(0777, true));
  }

  @Test
  void parse_nonsense_failsWithAHint() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FileModes.parse("rwxr-xr-x"));
    assertTrue(e.getMessage().contains("--chmod=755"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FileModes.parse("999"));
  }

  @Test
  void unchanged_keepsTheMode() {
    assertEquals(0640, FileModes.unchanged().apply(0640, false));
  }
}
