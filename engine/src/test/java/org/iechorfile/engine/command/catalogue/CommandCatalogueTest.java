package org.iechorfile.engine.command.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CommandCatalogueTest {

  /** The design's command table, area by area. */
  private static final List<String> DESIGN_TABLE =
      List.of(
          "steps", "undo", "redo", "goto", "reset", "ls", "cat", "tree", "find", "stat", "du",
          "diff", "layers", "config", "env", "sh", "shell", "run", "stop", "logs", "export", "save",
          "tag", "push", "load", "context", "arg", "cache", "help");

  private final CommandCatalogue catalogue = CommandCatalogue.standard();

  @Test
  void all_designTable_listsEveryCommandInOrder() {
    List<String> names =
        catalogue.all().stream().map(CommandSpec::name).collect(Collectors.toList());
    assertEquals(DESIGN_TABLE, names);
  }

  @Test
  void all_everyCommand_hasDocumentation() {
    for (CommandSpec spec : catalogue.all()) {
      String where = spec.spelled();
      assertTrue(spec.synopsis().startsWith(spec.spelled()), where + " synopsis");
      assertFalse(spec.summary().isBlank(), where + " summary");
      assertTrue(spec.summary().endsWith("."), where + " summary is a sentence");
      assertTrue(spec.explanation().length() > spec.summary().length() / 2, where + " explanation");
      assertTrue(spec.example().startsWith(spec.spelled()), where + " example");
      assertTrue(List.of("steps", "look", "try", "export", "session").contains(spec.area()), where);
    }
  }

  @Test
  void all_everyOption_isInTheSynopsisAndDocumented() {
    for (CommandSpec spec : catalogue.all()) {
      for (CommandOption option : spec.options()) {
        String where = spec.spelled() + " " + option.name();
        boolean inSynopsis =
            spec.synopsis().contains(option.name())
                || (option.name().length() == 2
                    && spec.synopsis().contains("[-")
                    && spec.synopsis().contains(option.name().substring(1)));
        assertTrue(inSynopsis, where + " is in the synopsis");
        assertFalse(option.summary().isBlank(), where + " summary");
      }
    }
  }

  @Test
  void all_choiceArguments_listTheirChoices() {
    for (CommandSpec spec : catalogue.all()) {
      assertEquals(
          spec.argument() == ArgumentKind.CHOICE, !spec.choices().isEmpty(), spec.spelled());
    }
  }

  @Test
  void find_withOrWithoutPercentInAnyCase_findsTheCommand() {
    assertEquals("undo", catalogue.find("%undo").orElseThrow().name());
    assertEquals("undo", catalogue.find("UNDO").orElseThrow().name());
    assertTrue(catalogue.find("%frobnicate").isEmpty());
    assertTrue(catalogue.find("").isEmpty());
    assertTrue(catalogue.find("%").isEmpty());
  }

  @Test
  void option_saveFormat_listsTheArchiveFormats() {
    CommandOption format = catalogue.find("save").orElseThrow().option("--format").orElseThrow();
    assertTrue(format.takesValue());
    assertEquals(List.of("oci", "oci-archive", "docker-archive"), format.values());
    assertTrue(catalogue.find("save").orElseThrow().option("--nope").isEmpty());
  }

  @Test
  void cache_choices_areOnOffClear() {
    assertEquals(List.of("on", "off", "clear"), catalogue.find("cache").orElseThrow().choices());
  }
}
