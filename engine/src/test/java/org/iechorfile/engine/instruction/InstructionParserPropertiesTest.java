package org.iechorfile.engine.instruction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.SourceSpan;
import org.iechorfile.engine.syntax.Heredoc;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.LineParser;
import org.iechorfile.engine.syntax.Node;
import org.iechorfile.engine.syntax.ParsedFile;
import org.iechorfile.engine.syntax.Variables;

class InstructionParserPropertiesTest {

  private static final InstructionParser PARSER = new InstructionParser();
  private static final InstructionExpander EXPANDER = new InstructionExpander('\\');
  private static final Variables VARS = Variables.of(Map.of("A", "x y", "B", "$A"));

  @Property(tries = 2000)
  void parse_anyNode_typesOrReportsWithoutThrowing(@ForAll("nodes") Node node) {
    ParseResult result = PARSER.parse(node);
    assertEquals(result.instruction().isEmpty(), result.hasErrors());
    result.instruction().ifPresent(i -> EXPANDER.expand(i, VARS));
    for (Diagnostic d : result.diagnostics()) {
      assertTrue(d.span().startLine() >= node.span().startLine(), d::toString);
    }
  }

  @Property(tries = 1000)
  void parse_anyText_typesEveryParsedNodeWithoutThrowing(@ForAll("texts") String text) {
    ParsedFile file = LineParser.parse(text);
    ParsedInstructions typed = PARSER.parse(file);
    InstructionExpander expander = new InstructionExpander(file.escape());
    for (Instruction instruction : typed.instructions()) {
      expander.expand(instruction, VARS);
    }
    InstructionJson.toJson(typed);
    assertTrue(typed.instructions().size() <= file.nodes().size());
  }

  @Provide
  Arbitrary<Node> nodes() {
    Arbitrary<String> keyword =
        Arbitraries.oneOf(
            Arbitraries.of(Keyword.values()).map(Keyword::name),
            Arbitraries.of(Keyword.values()).map(k -> k.name().toLowerCase()),
            Arbitraries.strings().ofMaxLength(8));
    Arbitrary<List<String>> flags = word().map(w -> "--" + w).list().ofMaxSize(4);
    Arbitrary<List<String>> args = word().list().ofMaxSize(6);
    Arbitrary<List<Heredoc>> heredocs =
        Combinators.combine(word(), word(), Arbitraries.of(true, false))
            .as((name, body, expand) -> new Heredoc(name, body, expand, !expand, 0))
            .list()
            .ofMaxSize(2);
    Arbitrary<Boolean> json = Arbitraries.of(true, false);
    return Combinators.combine(keyword, flags, args, heredocs, json, word())
        .as(
            (k, f, a, h, j, original) ->
                new Node(
                    k,
                    f,
                    a,
                    List.of(),
                    j,
                    h,
                    SourceSpan.of(3, 2, 5),
                    k + " " + String.join(" ", f) + " " + original,
                    List.of()));
  }

  private static Arbitrary<String> word() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12),
        Arbitraries.strings()
            .withChars("abc=,$:{}/\\-\"'<>#0123 CMDNOEtype=cachebindsecretsshmodeuid")
            .ofMaxLength(24),
        Arbitraries.of(
            "type=cache,target=/a",
            "mount=type=secret,id=x",
            "from=$X",
            "<<EOF",
            "<<-'EOF'",
            "AS",
            "NONE",
            "CMD",
            "interval=1s",
            "retries=-3",
            "chmod=0755",
            "platform=",
            "link=maybe",
            "https://x/y.git",
            "${A:?unset}",
            "${A"));
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> line =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(40),
            Combinators.combine(
                    Arbitraries.of(Keyword.values()).map(Keyword::name), word().list().ofMaxSize(5))
                .as((k, ws) -> k + " " + String.join(" ", ws)),
            Arbitraries.of(
                "# escape=`",
                "RUN <<EOF",
                "EOF",
                "COPY <<A <<B /d/",
                "ONBUILD ONBUILD RUN x",
                "HEALTHCHECK --retries=1 CMD [\"a\"]",
                "SHELL [1]",
                "ENV a b c",
                "LABEL",
                "\\"));
    return line.list().ofMaxSize(10).map(lines -> String.join("\n", lines));
  }
}
