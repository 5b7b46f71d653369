package org.iechorfile.engine.instruction;

import static org.iechorfile.engine.instruction.Parsing.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.Severity;
import org.iechorfile.engine.SourceSpan;
import org.iechorfile.engine.syntax.Node;
import org.iechorfile.engine.syntax.ParsedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LintsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "MAINTAINER me|MaintainerDeprecated|Maintainer instruction is deprecated in favor of using"
            + " label",
        "CMD echo hi|JSONArgsRecommended|JSON arguments recommended for CMD to prevent unintended"
            + " behavior related to OS signals",
        "entrypoint ./run|JSONArgsRecommended|JSON arguments recommended for ENTRYPOINT to prevent"
            + " unintended behavior related to OS signals",
        "ENV A b|LegacyKeyValueFormat|\"ENV key=value\" should be used instead of legacy \"ENV"
            + " key value\" format",
        "LABEL a b|LegacyKeyValueFormat|\"LABEL key=value\" should be used instead of legacy"
            + " \"LABEL key value\" format",
        "FROM a AS Build|StageNameCasing|Stage name 'Build' should be lowercase",
        "FROM a as b|FromAsCasing|'as' and 'FROM' keywords' casing do not match",
        "from a AS b|FromAsCasing|'AS' and 'from' keywords' casing do not match",
        "FROM a AS scratch|ReservedStageName|Stage name should not use the same name as reserved"
            + " stage \"scratch\"",
        "EXPOSE 80/TcP|ExposeProtoCasing|Defined protocol '80/TcP' in EXPOSE instruction should be"
            + " lowercase",
        "EXPOSE 127.0.0.1:80:80|ExposeInvalidFormat|EXPOSE instruction should not define an IP"
            + " address or host-port mapping, found '127.0.0.1:80:80'",
        "ARG API_KEY|SecretsUsedInArgOrEnv|Do not use ARG or ENV instructions for sensitive data"
            + " (ARG \"API_KEY\")",
        "ENV db_password=x|SecretsUsedInArgOrEnv|Do not use ARG or ENV instructions for sensitive"
            + " data (ENV \"db_password\")",
        "ARG GITHUB_TOKEN=|SecretsUsedInArgOrEnv|Do not use ARG or ENV instructions for sensitive"
            + " data (ARG \"GITHUB_TOKEN\")",
      })
  void parse_lintedInstruction_warnsWithReferenceText(String text, String rule, String message) {
    List<Diagnostic> found = warnings(text);
    assertEquals(1, found.size(), found::toString);
    assertEquals(rule, found.get(0).rule());
    assertEquals(message, found.get(0).message());
    assertEquals(Severity.WARNING, found.get(0).severity());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CMD [\"echo\", \"hi\"]",
        "ENV A=b",
        "FROM a AS b",
        "from a as b",
        "FROM a",
        "EXPOSE 80/tcp 53/udp",
        "ARG PUBLIC_KEY",
        "ARG KEY_FILE",
        "ARG TOKENIZER",
        "ENV MONKEY=1",
        "RUN echo hi",
      })
  void parse_cleanInstruction_hasNoWarnings(String text) {
    assertEquals(List.of(), warnings(text));
  }

  @Test
  void parse_stageNameCasing_pointsAtTheName() {
    assertEquals(SourceSpan.of(1, 11, 5), warnings("FROM a AS Build").get(0).span());
  }

  @Test
  void parseFile_mixedCasing_warnsAgainstTheMajority() {
    ParsedInstructions result =
        parseFile("FROM alpine", "RUN true", "run false", "Copy a b", "CMD [\"x\"]");
    List<String> messages = messages(result, "ConsistentInstructionCasing");
    assertEquals(
        List.of(
            "Command 'run' should match the case of the command majority (uppercase)",
            "Command 'Copy' should match the case of the command majority (uppercase)"),
        messages);
    assertEquals(new SourceSpan(3, 1, 3, 4), find(result, "Command 'run'").span());
  }

  @Test
  void parseFile_lowercaseMajority_warnsUppercase() {
    ParsedInstructions result = parseFile("from alpine", "run true", "RUN false");
    assertEquals(
        List.of("Command 'RUN' should match the case of the command majority (lowercase)"),
        messages(result, "ConsistentInstructionCasing"));
  }

  @Test
  void parseFile_shellInStage_silencesJsonArgsRecommendedUntilNextFrom() {
    ParsedInstructions result =
        parseFile(
            "FROM a", "SHELL [\"/bin/bash\", \"-c\"]", "CMD echo one", "FROM b", "CMD echo two");
    List<Diagnostic> json =
        result.diagnostics().stream().filter(d -> d.rule().equals("JSONArgsRecommended")).toList();
    assertEquals(1, json.size());
    assertEquals(5, json.get(0).span().startLine());
  }

  @Test
  void parseFile_repeatedCmdInStage_warnsAtTheOverriddenOne() {
    ParsedInstructions result =
        parseFile(
            "FROM a",
            "CMD [\"a\"]",
            "HEALTHCHECK NONE",
            "CMD [\"b\"]",
            "CMD [\"c\"]",
            "FROM b",
            "CMD [\"d\"]");
    List<Diagnostic> multiple =
        result.diagnostics().stream()
            .filter(d -> d.rule().equals("MultipleInstructionsDisallowed"))
            .toList();
    assertEquals(List.of(2, 4), multiple.stream().map(d -> d.span().startLine()).toList());
    assertEquals(
        "Multiple CMD instructions should not be used in the same stage because only the last"
            + " one will be used",
        multiple.get(0).message());
  }

  @Test
  void parseFile_duplicateStageName_warnsAtTheSecond() {
    ParsedInstructions result = parseFile("FROM a AS base", "FROM b AS Base");
    assertEquals(
        List.of("Duplicate stage name \"base\", stage names should be unique"),
        messages(result, "DuplicateStageName"));
    assertEquals(2, find(result, "Duplicate").span().startLine());
  }

  @Test
  void parseFile_errorsAndInstructions_keepSourceOrder() {
    ParsedInstructions result = parseFile("FROM a", "CPOY a b", "MAINTAINER me", "WORKDIR /x");
    assertEquals(3, result.instructions().size());
    assertTrue(result.hasErrors());
    assertEquals(
        List.of(2, 3), result.diagnostics().stream().map(d -> d.span().startLine()).toList());
  }

  private static ParsedInstructions parseFile(String... lines) {
    List<Node> nodes = new java.util.ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      nodes.add(TestNodes.node(lines[i], List.of(), i + 1));
    }
    return new InstructionParser().parse(new ParsedFile(Map.of(), '\\', nodes, List.of()));
  }

  private static List<String> messages(ParsedInstructions result, String rule) {
    return result.diagnostics().stream()
        .filter(d -> d.rule().equals(rule))
        .map(Diagnostic::message)
        .toList();
  }

  private static Diagnostic find(ParsedInstructions result, String prefix) {
    return result.diagnostics().stream()
        .filter(d -> d.message().startsWith(prefix))
        .findFirst()
        .orElseThrow();
  }
}
