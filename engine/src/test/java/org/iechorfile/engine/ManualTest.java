package org.iechorfile.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iechorfile.engine.syntax.FlagSpec;
import org.iechorfile.engine.syntax.Keyword;
import org.junit.jupiter.api.Test;

class ManualTest {

  private final Manual manual = Manual.standard();

  @Test
  void instruction_everyKeyword_isDocumented() {
    for (Keyword keyword : Keyword.values()) {
      Documentation doc = manual.instruction(keyword).orElseThrow(() -> missing(keyword.name()));
      assertComplete(doc, keyword.name());
      assertTrue(doc.syntax().startsWith(keyword.name()), keyword + " syntax names it");
      assertTrue(doc.example().contains(keyword.name()), keyword + " example uses it");
      assertEquals(keyword.flags().size(), doc.items().size(), keyword + " lists its flags");
    }
  }

  @Test
  void flag_everyFlagOfEveryKeyword_isDocumented() {
    for (Keyword keyword : Keyword.values()) {
      for (FlagSpec flag : keyword.flags()) {
        String topic = keyword + " " + flag.spelled();
        Documentation doc = manual.flag(keyword, flag.name()).orElseThrow(() -> missing(topic));
        assertEquals(topic, doc.topic());
        assertComplete(doc, topic);
        assertTrue(doc.syntax().startsWith(flag.spelled()), topic + " syntax");
        assertTrue(doc.example().contains(flag.spelled()), topic + " example uses it");
      }
    }
  }

  @Test
  void flag_notAcceptedByTheKeyword_isEmpty() {
    assertTrue(manual.flag(Keyword.COPY, "checksum").isEmpty());
    assertTrue(manual.flag(Keyword.ENV, "mount").isEmpty());
  }

  @Test
  void mountType_everyType_isDocumentedWithItsKeys() {
    assertEquals(List.of("bind", "cache", "tmpfs", "secret", "ssh"), manual.mountTypes());
    for (String type : manual.mountTypes()) {
      Documentation doc = manual.mountType(type).orElseThrow(() -> missing(type));
      assertComplete(doc, type);
      assertTrue(doc.syntax().contains("type=" + type), type + " syntax");
      assertTrue(doc.example().contains("type=" + type), type + " example");
      assertFalse(doc.items().isEmpty(), type + " keys");
      assertTrue(manual.mountKeys(type).containsKey("target"), type + " has a target");
    }
    assertTrue(manual.mountType("overlay").isEmpty());
  }

  @Test
  void directive_everyParserDirective_isDocumented() {
    assertEquals(List.of("syntax", "escape", "check"), manual.directives());
    for (String name : manual.directives()) {
      Documentation doc = manual.directive(name).orElseThrow(() -> missing(name));
      assertComplete(doc, name);
      assertEquals("# " + name, doc.topic());
      assertTrue(doc.syntax().startsWith("# " + name + "="), name + " syntax");
      assertTrue(doc.example().startsWith("# " + name + "="), name + " example");
    }
    assertTrue(manual.directive("ESCAPE").isPresent());
    assertTrue(manual.directive("nope").isEmpty());
  }

  @Test
  void flagValues_enumerableFlags_listTheirValues() {
    assertEquals(
        List.of("default", "none", "host"),
        List.copyOf(manual.flagValues(Keyword.RUN, "network").keySet()));
    assertEquals(
        List.of("sandbox", "insecure"),
        List.copyOf(manual.flagValues(Keyword.RUN, "security").keySet()));
    assertTrue(manual.flagValues(Keyword.COPY, "chmod").isEmpty());
  }

  @Test
  void mountValues_typeAndSharing_areEnumerated() {
    assertEquals(manual.mountTypes(), List.copyOf(manual.mountValues("type").keySet()));
    assertEquals(
        List.of("shared", "private", "locked"),
        List.copyOf(manual.mountValues("sharing").keySet()));
    assertTrue(manual.mountValues("target").isEmpty());
  }

  @Test
  void toPlainText_runDocumentation_showsSyntaxFlagsAndExample() {
    String text = manual.instruction(Keyword.RUN).orElseThrow().toPlainText();
    assertTrue(text.startsWith("RUN - Runs a command"), text);
    assertTrue(text.contains("Syntax:\n  RUN [--mount=SPEC]"), text);
    assertTrue(text.contains("  --network   Chooses the network"), text);
    assertTrue(text.contains("Example:\n  RUN apt-get update"), text);
  }

  @Test
  void toMarkdown_mountType_listsKeysAsCode() {
    String text = manual.mountType("cache").orElseThrow().toMarkdown();
    assertTrue(text.startsWith("**`RUN --mount=type=cache`** — "), text);
    assertTrue(text.contains("- `sharing`: "), text);
    assertTrue(text.contains("```\n--mount=type=cache,target=PATH"), text);
  }

  private static void assertComplete(Documentation doc, String topic) {
    assertFalse(doc.summary().isBlank(), topic + " summary");
    assertTrue(doc.summary().endsWith("."), topic + " summary is a sentence");
    assertFalse(doc.explanation().isBlank(), topic + " explanation");
    assertFalse(doc.syntax().isBlank(), topic + " syntax");
    assertFalse(doc.example().isBlank(), topic + " example");
    for (Documentation.Item item : doc.items()) {
      assertFalse(item.summary().isBlank(), topic + " " + item.name());
    }
  }

  private static AssertionError missing(String topic) {
    return new AssertionError(topic + " has no documentation in instructions.json");
  }
}
