package org.iechorfile.engine.instruction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.Severity;
import org.iechorfile.engine.syntax.LineParser;
import org.junit.jupiter.api.Test;

class LintConfigTest {

  private static List<Diagnostic> diagnostics(String text) {
    return new InstructionParser().parse(LineParser.parse(text)).diagnostics();
  }

  private static List<String> rules(String text) {
    return diagnostics(text).stream().map(Diagnostic::rule).toList();
  }

  @Test
  void parse_skipDirective_dropsThoseRules() {
    assertEquals(
        List.of("MaintainerDeprecated"),
        rules("# check=skip=JSONArgsRecommended\nFROM a\nCMD run\nMAINTAINER me\n"));
  }

  @Test
  void parse_skipAll_dropsEveryLintButKeepsErrors() {
    List<Diagnostic> found = diagnostics("# check=skip=all\nFROM a\nCMD run\nCPOY a b\n");
    assertEquals(1, found.size());
    assertEquals(Severity.ERROR, found.get(0).severity());
  }

  @Test
  void parse_errorTrue_turnsWarningsIntoErrors() {
    List<Diagnostic> found = diagnostics("# check=error=true\nFROM a\nMAINTAINER me\n");
    assertEquals(Severity.ERROR, found.get(0).severity());
    assertEquals("MaintainerDeprecated", found.get(0).rule());
  }

  @Test
  void parse_commentAboveInstruction_overridesForThatInstructionOnly() {
    assertEquals(
        List.of("JSONArgsRecommended"),
        rules("FROM a\n# check=skip=JSONArgsRecommended\nCMD one\nENTRYPOINT two\n"));
  }

  @Test
  void parse_caseMismatchedRuleName_isNotSkipped() {
    assertEquals(
        List.of("MaintainerDeprecated"),
        rules("# check=skip=maintainerdeprecated\nFROM a\nMAINTAINER me\n"));
  }

  @Test
  void parse_invalidCheckDirective_isAnError() {
    Diagnostic d = diagnostics("# check=nonsense\nFROM a\n").get(0);
    assertEquals("invalid check option \"nonsense\"", d.message());
  }

  @Test
  void parse_unknownCheckKey_namesTheKey() {
    InstructionException e =
        assertThrows(InstructionException.class, () -> LintConfig.parse("skip=A;level=high"));
    assertEquals("invalid check option \"level\"", e.getMessage());
  }

  @Test
  void parse_badErrorValue_quotesThePart() {
    InstructionException e =
        assertThrows(InstructionException.class, () -> LintConfig.parse("error=maybe"));
    assertEquals(
        "failed to parse check option \"error=maybe\": strconv.ParseBool: parsing \"maybe\":"
            + " invalid syntax",
        e.getMessage());
  }
}
