package org.iechorfile.engine.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.SourceSpan;

/**
 * Any text parses to a result (never an exception, never a hang), with spans inside the text and
 * each instruction's original text re-parsing to the same instruction.
 */
class LineParserPropertiesTest {

  private static final List<String> TOKENS =
      List.of(
          "RUN",
          "run",
          "COPY",
          "ADD",
          "ONBUILD",
          "ENV",
          "LABEL",
          "ARG",
          "CMD",
          "FROM",
          "HEALTHCHECK",
          "SHELL",
          "EXPOSE",
          "VOLUME",
          "x",
          "a=b",
          "\"",
          "'",
          "\\",
          "`",
          "\\\\",
          " ",
          "  ",
          "\t",
          "\n",
          "\r\n",
          "\n\n",
          "#",
          "# escape=`\n",
          "# syntax=a\n",
          "--",
          "--flag=",
          "--m='a b'",
          "<<",
          "<<EOF",
          "<<-EOF",
          "<<'EOF'",
          "3<<E",
          "EOF",
          "\tEOF",
          "E",
          "[",
          "]",
          "[\"a\"]",
          ",",
          "1",
          "{",
          "}",
          "$",
          "${",
          "${a:-",
          "=",
          "\u00a0",
          "\u2028",
          "\uFEFF",
          "\u0000",
          "é",
          "\uD83D\uDE00",
          "\uD800");

  @Provide
  Arbitrary<String> dockerfileish() {
    return Arbitraries.of(TOKENS).list().ofMaxSize(80).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> mutatedConformanceFile() {
    List<String> files =
        Conformance.cases("testfiles").stream()
            .map(dir -> Conformance.read(dir.resolve("Dockerfile")))
            .collect(Collectors.toList());
    Arbitrary<String> file = Arbitraries.of(files);
    Arbitrary<Mutation> mutation =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 40),
                Arbitraries.of(TOKENS))
            .as(Mutation::new);
    return Combinators.combine(file, mutation.list().ofMaxSize(8))
        .as(
            (text, mutations) -> {
              String out = text;
              for (Mutation m : mutations) {
                out = m.apply(out);
              }
              return out;
            });
  }

  /** Insert a token, delete a range or duplicate a range at a relative position. */
  private record Mutation(int kind, double where, int length, String token) {
    String apply(String text) {
      int at = (int) (where * text.length());
      int end = Math.min(text.length(), at + length);
      switch (kind) {
        case 0:
          return text.substring(0, at) + token + text.substring(at);
        case 1:
          return text.substring(0, at) + text.substring(end);
        default:
          return text.substring(0, end) + text.substring(at);
      }
    }
  }

  @Property(tries = 2000)
  void parse_dockerfileishText_returnsConsistentResult(@ForAll("dockerfileish") String text) {
    checkInvariants(text);
  }

  @Property(tries = 1000)
  void parse_arbitraryUnicode_returnsConsistentResult(@ForAll String text) {
    checkInvariants(text);
  }

  @Property(tries = 1500)
  void parse_mutatedConformanceFile_returnsConsistentResult(
      @ForAll("mutatedConformanceFile") String text) {
    checkInvariants(text);
  }

  @Property(tries = 1500)
  void parse_instructionOriginal_reparsesToTheSameInstruction(
      @ForAll("mutatedConformanceFile") String text) {
    ParsedFile parsed = LineParser.parse(text);
    // A line in front keeps a leading U+FEFF of the instruction from being read as a byte-order
    // mark.
    String prefix = parsed.escape() == '`' ? "# escape=`\n" : "\n";
    for (Node node : parsed.nodes()) {
      ParsedFile again = LineParser.parse(prefix + node.original());
      assertEquals(
          BuildkitDump.render(List.of(node)),
          BuildkitDump.render(again.nodes()),
          () -> "original: " + node.original());
      assertEquals(
          List.of(node.heredocs()),
          again.nodes().stream().map(Node::heredocs).collect(Collectors.toList()));
    }
  }

  private static void checkInvariants(String text) {
    ParsedFile parsed = LineParser.parse(text);
    int lines = lineCount(text);
    for (Node node : parsed.nodes()) {
      assertInside(node.span(), lines);
      assertTrue(text.contains(node.original()), "original is source text");
      assertTrue(node.children().size() <= 1);
    }
    for (Diagnostic d : parsed.diagnostics()) {
      assertInside(d.span(), Math.max(1, lines));
      assertTrue(!d.message().isEmpty());
    }
    if (parsed.nodes().isEmpty()) {
      assertTrue(parsed.hasErrors(), "no instructions is always reported");
    }
    String dump = BuildkitDump.render(parsed.nodes());
    assertEquals(parsed.nodes().size(), dump.isEmpty() ? 0 : dump.split("\n", -1).length);
    OpenInput open = LineParser.openInput(text);
    if (open.kind() == OpenInput.Kind.HEREDOC) {
      assertTrue(parsed.hasErrors(), "an open heredoc is an unterminated heredoc");
    }
  }

  private static void assertInside(SourceSpan span, int lines) {
    assertTrue(span.startLine() >= 1 && span.endLine() <= lines, () -> span + " in " + lines);
  }

  private static int lineCount(String text) {
    int count = 0;
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        count++;
      }
    }
    boolean tail = text.length() > start && text.charAt(text.length() - 1) != '\n';
    return count + (tail ? 1 : 0);
  }
}
