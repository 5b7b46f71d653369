package org.iechorfile.engine.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.iechorfile.engine.SourceSpan;
import org.junit.jupiter.api.Test;

/** The dump format and Go's strconv.Quote rules. */
class BuildkitDumpTest {

  private static Node node(String keyword, List<String> flags, List<String> args, List<Node> kids) {
    return new Node(
        keyword, flags, args, kids, false, List.of(), SourceSpan.of(1, 1, 1), keyword, List.of());
  }

  @Test
  void quote_asciiSpecials_escapedAsGoDoes() {
    assertEquals("\"a\\\"b\\\\c\"", BuildkitDump.quote("a\"b\\c"));
    assertEquals("\"\\a\\b\\f\\n\\r\\t\\v\"", BuildkitDump.quote("\u0007\b\f\n\r\t\u000b"));
    assertEquals("\"\\x00\\x1f\\x7f\"", BuildkitDump.quote("\u0000\u001f\u007f"));
    assertEquals("\" ~\"", BuildkitDump.quote(" ~"));
  }

  @Test
  void quote_printableNonAscii_keptRaw() {
    assertEquals("\"♥☃é漢\uD83D\uDE00\u0301\"", BuildkitDump.quote("♥☃é漢\uD83D\uDE00\u0301"));
  }

  @Test
  void quote_nonPrintableNonAscii_escapedWithLowercaseHex() {
    assertEquals(
        "\"\\u00a0\\u0085\\u2028\\ufeff\\u00ad\"",
        BuildkitDump.quote("\u00a0\u0085\u2028\ufeff\u00ad"));
    assertEquals("\"\\U000e0001\\U0010ffff\"", BuildkitDump.quote("\uDB40\uDC01\uDBFF\uDFFF"));
  }

  @Test
  void quote_loneSurrogate_escapedNotThrown() {
    assertEquals("\"\\ud800x\"", BuildkitDump.quote("\uD800x"));
  }

  @Test
  void render_flagsArgsAndBareKeyword_oneLineEach() {
    String dump =
        BuildkitDump.render(
            List.of(
                node("RUN", List.of("--a", "--b=c d"), List.of("x"), List.of()),
                node("Cmd", List.of(), List.of(), List.of())));
    assertEquals("(run [\"--a\" \"--b=c d\"] \"x\")\n(cmd)", dump);
  }

  @Test
  void render_nestedOnbuild_parenthesisedTrigger() {
    Node run = node("RUN", List.of("--m"), List.of("x"), List.of());
    Node inner = node("ONBUILD", List.of(), List.of(), List.of(run));
    Node outer = node("ONBUILD", List.of("--f"), List.of(), List.of(inner));
    assertEquals(
        "(onbuild [\"--f\"] (onbuild (run [\"--m\"] \"x\")))", BuildkitDump.render(List.of(outer)));
  }

  @Test
  void render_emptyKeyword_noLeadingSpace() {
    assertEquals(
        "(\"\")", BuildkitDump.render(List.of(node("", List.of(), List.of(""), List.of()))));
  }

  @Test
  void render_noNodes_emptyText() {
    assertEquals("", BuildkitDump.render(List.of()));
  }
}
