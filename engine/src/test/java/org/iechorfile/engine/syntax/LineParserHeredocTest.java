package org.iechorfile.engine.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.iechorfile.engine.Diagnostic;
import org.junit.jupiter.api.Test;

/** Heredocs: markers, bodies, terminators, and where they are not recognised. */
class LineParserHeredocTest {

  private static Node only(String text) {
    ParsedFile parsed = LineParser.parse(text);
    assertFalse(parsed.hasErrors(), () -> "unexpected errors: " + parsed.diagnostics());
    assertEquals(1, parsed.nodes().size(), () -> "nodes: " + parsed.nodes());
    return parsed.nodes().get(0);
  }

  private static Heredoc heredoc(String name, String body, boolean expand, boolean chomp) {
    return new Heredoc(name, body, expand, chomp, 0);
  }

  @Test
  void parse_simpleRunHeredoc_bodyAttachedAndMarkerKeptInArgs() {
    Node node = only("RUN <<EOF\necho hello\necho world\nEOF\n");
    assertEquals(List.of(heredoc("EOF", "echo hello\necho world\n", true, false)), node.heredocs());
    assertEquals(List.of("<<EOF"), node.args());
    assertEquals("(run \"<<EOF\")", BuildkitDump.render(List.of(node)));
  }

  @Test
  void parse_emptyBodyAndFileDescriptor_recorded() {
    Node node = only("RUN 3<<EMPTY2\nEMPTY2\n");
    assertEquals(List.of(new Heredoc("EMPTY2", "", true, false, 3)), node.heredocs());
  }

  @Test
  void parse_severalMarkersOnOneLine_bodiesReadInOrder() {
    Node node = only("COPY <<FILE1 <<FILE2 /dest\ncontent 1\nFILE1\ncontent 2\nFILE2\n");
    assertEquals(
        List.of(
            heredoc("FILE1", "content 1\n", true, false),
            heredoc("FILE2", "content 2\n", true, false)),
        node.heredocs());
    assertEquals("(copy \"<<FILE1\" \"<<FILE2\" \"/dest\")", BuildkitDump.render(List.of(node)));
  }

  @Test
  void parse_crossedTerminators_eachBodyEndsAtItsOwnName() {
    Node node = only("COPY <<X <<Y /dest\nY\nX\nX\nY\n");
    assertEquals(
        List.of(heredoc("X", "Y\n", true, false), heredoc("Y", "X\n", true, false)),
        node.heredocs());
  }

  @Test
  void parse_chompMarker_terminatorMayBeTabIndentedAndTabsStayInBody() {
    Node node = only("RUN <<-UNINDENT2\n\tbaz\n\tquux\n\tUNINDENT2\n");
    Heredoc doc = node.heredocs().get(0);
    assertEquals(heredoc("UNINDENT2", "\tbaz\n\tquux\n", true, true), doc);
    assertEquals("baz\nquux\n", doc.effectiveBody());
  }

  @Test
  void parse_plainMarker_tabIndentedTerminatorIsBodyText() {
    ParsedFile parsed = LineParser.parse("RUN <<EOF\n\techo\n\tEOF\n");
    assertTrue(parsed.hasErrors(), "a tab-indented EOF does not end a <<EOF heredoc");
    assertTrue(parsed.nodes().isEmpty());
  }

  @Test
  void parse_quotedMarkers_disableExpansion() {
    assertEquals(
        heredoc("NOEXPAND", "x\n", false, true),
        only("RUN <<-'NOEXPAND'\nx\nNOEXPAND\n").heredocs().get(0));
    assertEquals(
        heredoc("EOF", "x\n", false, false), only("RUN <<\"EOF\"\nx\nEOF\n").heredocs().get(0));
    assertEquals(
        heredoc("eof", "x\n", false, false), only("RUN <<eo'f'\nx\neof\n").heredocs().get(0));
    assertEquals(
        heredoc("eo'f", "x\n", false, false), only("RUN <<'e'o\\'f\nx\neo'f\n").heredocs().get(0));
    assertEquals(
        heredoc("one two", "x\n", false, false),
        only("RUN <<'one two'\nx\none two\n").heredocs().get(0));
  }

  @Test
  void parse_escapedQuoteInMarker_isLiteralAndKeepsExpansion() {
    assertEquals(
        heredoc("eo'f", "x\n", true, false), only("RUN <<eo\\'f\nx\neo'f\n").heredocs().get(0));
  }

  @Test
  void parse_markerWithVariable_keptLiterally() {
    assertEquals(heredoc("$EOF", "", true, false), only("RUN <<$EOF\n$EOF\n").heredocs().get(0));
  }

  @Test
  void parse_spacesAfterOperator_stillOneMarker() {
    assertEquals("EOF", only("RUN <<  EOF\nEOF\n").heredocs().get(0).name());
    assertEquals("EOF", only("RUN <<  EOF  > foo\nEOF\n").heredocs().get(0).name());
    assertEquals("EOF", only("RUN <<- EOF\nEOF\n").heredocs().get(0).name());
    assertEquals("-EOF", only("RUN << -EOF\n-EOF\n").heredocs().get(0).name());
  }

  @Test
  void parse_commandAfterMarker_markerStillFound() {
    Node node = only("RUN <<COMPLEX python3\nprint('hello world')\nCOMPLEX\n");
    assertEquals(heredoc("COMPLEX", "print('hello world')\n", true, false), node.heredocs().get(0));
    assertEquals(List.of("<<COMPLEX python3"), node.args());
  }

  @Test
  void marker_singleWordWithSpaceInside_isNotAMarker() throws Exception {
    assertEquals(Optional.empty(), HeredocMarkers.marker("<<EOF sh"));
    assertEquals(Optional.empty(), HeredocMarkers.marker("<<"));
    assertEquals(Optional.empty(), HeredocMarkers.marker("<<-"));
    assertEquals(Optional.empty(), HeredocMarkers.marker("<EOF"));
    assertEquals(Optional.empty(), HeredocMarkers.marker("<<<EOF"));
    assertEquals(Optional.empty(), HeredocMarkers.marker("EOF"));
    for (String valid :
        List.of(
            "<<EOF",
            "<<'EOF'",
            "<<\"EOF\"",
            "<<-EOF",
            "<<-'EOF'",
            "<<EO\"F\"",
            "<< EOF",
            "<<- EOF")) {
      assertEquals("EOF", HeredocMarkers.marker(valid).orElseThrow().name(), valid);
    }
  }

  @Test
  void parse_unbalancedQuoteInMarker_noHeredocAndNextLinesAreInstructions() {
    ParsedFile parsed = LineParser.parse("RUN <<'EOF\nFROM alpine\nEOF\n");
    assertEquals(
        "(run \"<<'EOF\")\n(from \"alpine\")\n(eof \"\")", BuildkitDump.render(parsed.nodes()));
    assertTrue(parsed.nodes().get(0).heredocs().isEmpty());
  }

  @Test
  void parse_commentLinesInBody_keptVerbatim() {
    Node node =
        only("RUN <<COMMENT\n# internal comment\necho foo bar # trailing comment\nCOMMENT\n");
    assertEquals(
        "# internal comment\necho foo bar # trailing comment\n", node.heredocs().get(0).body());
  }

  @Test
  void parse_bodyWithContinuationCharacters_takenRaw() {
    Node node = only("RUN <<EOF\necho a \\\n\necho b\nEOF\n");
    assertEquals("echo a \\\n\necho b\n", node.heredocs().get(0).body());
  }

  @Test
  void parse_unterminatedHeredoc_errorAndNoNode() {
    ParsedFile parsed = LineParser.parse("FROM a\nRUN <<EOF\necho hi\n");
    List<Diagnostic> errors =
        parsed.diagnostics().stream().filter(Diagnostic::isError).collect(Collectors.toList());
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).message().startsWith("unterminated heredoc"), errors.get(0).message());
    assertEquals(2, errors.get(0).span().startLine());
    assertEquals(3, errors.get(0).span().endLine());
    assertEquals(1, parsed.nodes().size(), "FROM is kept, RUN is dropped");
  }

  @Test
  void parse_secondHeredocUnterminated_error() {
    ParsedFile parsed = LineParser.parse("COPY <<A <<B /d\na\nA\nb\n");
    assertTrue(parsed.hasErrors());
    assertTrue(parsed.nodes().isEmpty());
  }

  @Test
  void parse_heredocOnOtherInstruction_markerIsPlainText() {
    ParsedFile parsed = LineParser.parse("USER <<INVALID\nINVALID\n");
    assertEquals("(user \"<<INVALID\")\n(invalid \"\")", BuildkitDump.render(parsed.nodes()));
  }

  @Test
  void parse_jsonForm_noHeredoc() {
    ParsedFile parsed = LineParser.parse("RUN [\"<<EOF\"]\nRUN [\"<<'EOF'\"]\n");
    assertEquals(2, parsed.nodes().size());
    parsed.nodes().forEach(n -> assertTrue(n.heredocs().isEmpty()));
    assertTrue(parsed.nodes().get(0).json());
  }

  @Test
  void parse_quotedMarkerInShellWords_notAHeredoc() {
    assertTrue(only("RUN \"<<NOHEREDOC\"\n").heredocs().isEmpty());
    assertTrue(only("RUN '<<EOF'\n").heredocs().isEmpty());
  }

  @Test
  void parse_onbuildRunHeredoc_bodyConsumedAndNested() {
    Node node = only("ONBUILD RUN <<EOF\necho hi\nEOF\n");
    assertEquals("(onbuild (run \"<<EOF\"))", BuildkitDump.render(List.of(node)));
    assertEquals("echo hi\n", node.heredocs().get(0).body());
    assertEquals("echo hi\n", node.children().get(0).heredocs().get(0).body());
  }

  @Test
  void parse_backtickEscapeDirective_markersStillUseBackslash() {
    Node node = only("# escape=`\nRUN <<EO\\'F\nx\nEO'F\n");
    assertEquals("EO'F", node.heredocs().get(0).name());
  }

  @Test
  void parse_markerAfterContinuation_bodyStartsAfterLastPhysicalLine() {
    Node node = only("RUN cat \\\n  <<EOF\nbody\nEOF\n");
    assertEquals("body\n", node.heredocs().get(0).body());
    assertEquals(4, node.span().endLine());
  }

  @Test
  void parse_crlfBody_lineEndingsKeptAndTerminatorMatched() {
    Node node = only("RUN <<EOF\r\necho hi\r\nEOF\r\n");
    assertEquals("echo hi\r\n", node.heredocs().get(0).body());
  }

  @Test
  void parse_flagsBeforeMarker_bodyRead() {
    Node node = only("RUN --mount=type=cache,target=/foo <<MOUNT\necho hello\nMOUNT\n");
    assertEquals(List.of("--mount=type=cache,target=/foo"), node.flags());
    assertEquals("echo hello\n", node.heredocs().get(0).body());
  }

  @Test
  void parse_markerThatCannotBeRelexed_errorLikeTheReference() {
    ParsedFile parsed = LineParser.parse("RUN <<${X:-a b}\nFROM a\n");
    assertTrue(parsed.hasErrors());
    assertTrue(
        parsed.diagnostics().get(0).message().startsWith("failed to process \"<<${X:-a\""),
        parsed.diagnostics().get(0).message());
  }

  @Test
  void parse_tooLongLineInBody_errorAndInstructionDropped() {
    String body = "x".repeat(FileParser.MAX_LINE_BYTES + 1);
    ParsedFile parsed = LineParser.parse("RUN <<EOF\n" + body + "\nEOF\nRUN b\n");
    assertEquals(1, parsed.diagnostics().size());
    assertEquals(2, parsed.diagnostics().get(0).span().startLine());
    assertEquals("(run \"b\")", BuildkitDump.render(parsed.nodes()));
  }
}
