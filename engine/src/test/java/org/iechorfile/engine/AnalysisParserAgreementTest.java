package org.iechorfile.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.iechorfile.engine.syntax.LineParser;
import org.iechorfile.engine.syntax.OpenInput;

/**
 * The analysis reads continuations and heredocs exactly as the line parser does: for any text
 * without {@code %} lines and JSON arrays (the two things only the analysis knows), both agree on
 * what is still open at the end, and on how many instructions there are.
 */
class AnalysisParserAgreementTest {

  @Provide
  Arbitrary<String> files() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "RUN ",
            "run ",
            "COPY ",
            "ADD ",
            "FROM ",
            "ONBUILD ",
            "USER ",
            "ENV ",
            "<<EOF",
            "<<-EOF",
            "<<'A'",
            "<<\"B\" ",
            "2<<C",
            "<< D",
            "EOF",
            "\tEOF",
            "A",
            "B",
            "C",
            "D",
            "\\",
            "`",
            "# escape=`",
            "# escape=\\",
            "#",
            "\"",
            "'",
            "$",
            " ",
            " ",
            "\n",
            "\n",
            "\r\n",
            "\t",
            "x",
            "😀");
    Arbitrary<String> endings =
        Arbitraries.of(
            "", "", "\\", " \\ ", "\nRUN a \\", "\nRUN <<EOF\nx", "\nCOPY <<A <<B /d\nA\n");
    return Combinators.combine(pieces.list().ofMaxSize(30), endings)
        .as((l, ending) -> String.join("", l) + ending);
  }

  @Example
  void scan_backslashesInQuotedMarkers_sameTerminatorsAsTheLineParser() {
    for (String text :
        List.of(
            "RUN <<EOF\"RUN RUN \\RUN \"",
            "ADD <<-EOF\"# escape=\\ x\" /d",
            "RUN <<\"A\\$B\\\\C\\\"D\"",
            "RUN <<E\\OF 'x\\y'",
            "# escape=`\nRUN <<EOF\\")) {
      assertSameTerminators(text);
    }
  }

  /** Found by the property below: ONBUILD's trigger holds heredocs one level deep only. */
  @Example
  void scan_onbuildTriggers_sameTerminatorsAsTheLineParser() {
    for (String text :
        List.of(
            "ONBUILD RUN <<A\nRUN <<EOF\nx",
            "ONBUILD ONBUILD RUN RUN RUN RUN RUN <<'A'\nRUN <<EOF\nx")) {
      assertSameTerminators(text);
    }
  }

  private static void assertSameTerminators(String text) {
    List<String> pending =
        CellScanner.scan(text).items().stream()
            .filter(i -> i.kind() == Item.Kind.INSTRUCTION)
            .flatMap(i -> i.bodies().stream())
            .filter(b -> !b.terminated())
            .map(b -> b.marker().name())
            .collect(Collectors.toList());
    assertEquals(LineParser.openInput(text).awaitedHeredocs(), pending, text);
  }

  @Property(tries = 3000)
  void scan_anyFile_agreesWithTheLineParserOnWhatIsOpen(@ForAll("files") String text) {
    OpenInput parser = LineParser.openInput(text);
    Statistics.label("open at the end").collect(parser.kind());
    Statistics.label("open at the end")
        .coverage(
            coverage -> {
              coverage.check(OpenInput.Kind.HEREDOC).percentage(p -> p > 10);
              coverage.check(OpenInput.Kind.CONTINUATION).percentage(p -> p > 10);
              coverage.check(OpenInput.Kind.NONE).percentage(p -> p > 10);
            });
    Cell cell = CellScanner.scan(text);
    List<Item> instructions =
        cell.items().stream()
            .filter(i -> i.kind() == Item.Kind.INSTRUCTION)
            .collect(Collectors.toList());
    Item.Open open =
        instructions.isEmpty()
            ? Item.Open.NOTHING
            : instructions.get(instructions.size() - 1).open();
    switch (parser.kind()) {
      case HEREDOC:
        assertEquals(Item.Open.HEREDOC, open, text);
        Item last = instructions.get(instructions.size() - 1);
        List<String> pending =
            last.bodies().stream()
                .filter(b -> !b.terminated())
                .map(b -> b.marker().name())
                .collect(Collectors.toList());
        assertEquals(parser.awaitedHeredocs(), pending, text);
        break;
      case CONTINUATION:
        // A final blank line ends a continuation at a prompt, as the end of a file does; the
        // instruction then stands complete and may open its heredocs ("RUN <<EOF\\" + blank line).
        boolean endsBlank = cell.lines().get(cell.lines().size() - 1).isBlank();
        assertTrue(open == Item.Open.CONTINUATION || endsBlank, text + " open=" + open);
        break;
      default:
        assertEquals(Item.Open.NOTHING, open, text);
        int parsed = LineParser.parse(text).nodes().size();
        assertTrue(parsed <= instructions.size(), text);
        break;
    }
  }
}
