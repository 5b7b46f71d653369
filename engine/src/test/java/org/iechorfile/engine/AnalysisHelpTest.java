package org.iechorfile.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.iechorfile.engine.command.CommandCatalogue;
import org.iechorfile.engine.command.CommandSpec;
import org.iechorfile.engine.syntax.FlagSpec;
import org.iechorfile.engine.syntax.Keyword;
import org.junit.jupiter.api.Test;

class AnalysisHelpTest {

  private final Analysis analysis = Analysis.standalone();

  private String topicOf(Optional<Documentation> documentation) {
    return documentation.map(Documentation::topic).orElse("(none)");
  }

  /** Inspects at the {@code |} in {@code marked}, which is removed. */
  private String inspect(String marked) {
    int cursor = marked.codePointCount(0, marked.indexOf('|'));
    return topicOf(analysis.inspect(marked.replace("|", ""), cursor));
  }

  @Test
  void help_instructionInAnyCase_givesItsDocumentation() {
    Documentation run = analysis.help("run").orElseThrow();
    assertEquals("RUN", run.topic());
    assertTrue(run.summary().startsWith("Runs a command"));
    assertEquals("--mount", run.items().get(0).name());
  }

  @Test
  void help_instructionAndFlag_givesTheFlag() {
    assertEquals("RUN --mount", topicOf(analysis.help("RUN --mount")));
    assertEquals("COPY --from", topicOf(analysis.help("copy --from=build")));
    assertEquals("(none)", topicOf(analysis.help("COPY --checksum")));
  }

  @Test
  void help_mountWithType_givesTheMountType() {
    Documentation cache = analysis.help("RUN --mount=type=cache").orElseThrow();
    assertEquals("RUN --mount=type=cache", cache.topic());
    assertTrue(cache.items().stream().anyMatch(i -> i.name().equals("sharing")));
    assertEquals("RUN --mount", topicOf(analysis.help("RUN --mount=type=nfs")));
  }

  @Test
  void help_flagAlone_findsTheFirstInstructionWithIt() {
    assertEquals("ADD --chmod", topicOf(analysis.help("--chmod")));
    assertEquals("RUN --network", topicOf(analysis.help("--network")));
    assertEquals("(none)", topicOf(analysis.help("--nope")));
  }

  @Test
  void help_command_withOrWithoutPercent() {
    Documentation undo = analysis.help("%undo").orElseThrow();
    assertEquals("%undo", undo.topic());
    assertEquals("%undo [N]", undo.syntax());
    assertEquals("%tree", topicOf(analysis.help("tree")));
    Documentation save = analysis.help("%save").orElseThrow();
    assertEquals("--format FORMAT", save.items().get(0).name());
  }

  @Test
  void help_emptyTopic_listsEverything() {
    Documentation overview = analysis.help("  ").orElseThrow();
    assertEquals(
        Keyword.values().length + CommandCatalogue.standard().all().size() + 3,
        overview.items().size());
    assertTrue(overview.toPlainText().contains("%undo"));
  }

  @Test
  void help_directive_withOrWithoutHash() {
    assertEquals("# escape", topicOf(analysis.help("escape")));
    assertEquals("# syntax", topicOf(analysis.help("# syntax")));
    assertEquals("# check", topicOf(analysis.help("#CHECK=skip=all")));
    assertEquals("(none)", topicOf(analysis.help("# nope")));
  }

  @Test
  void inspect_onDirective_givesTheDirective() {
    assertEquals("# escape", inspect("# esc|ape=`\nRUN x"));
    assertEquals("(none)", inspect("RUN x\n# esc|ape=`"));
  }

  @Test
  void help_unknownTopic_isEmpty() {
    assertTrue(analysis.help("frobnicate").isEmpty());
    assertTrue(analysis.help("%frobnicate").isEmpty());
  }

  @Test
  void help_everyKeywordFlagAndCommand_isFound() {
    for (Keyword keyword : Keyword.values()) {
      assertEquals(keyword.name(), topicOf(analysis.help(keyword.name())));
      for (FlagSpec flag : keyword.flags()) {
        String topic = keyword.name() + " " + flag.spelled();
        assertEquals(topic, topicOf(analysis.help(topic)));
      }
    }
    for (CommandSpec command : CommandCatalogue.standard().all()) {
      assertEquals(command.spelled(), topicOf(analysis.help(command.spelled())));
    }
  }

  @Test
  void inspect_onKeyword_givesTheInstruction() {
    assertEquals("COPY", inspect("FROM a\nCO|PY . /app"));
    assertEquals("COPY", inspect("FROM a\n|COPY . /app"));
    assertEquals("COPY", inspect("FROM a\nCOPY| . /app"));
  }

  @Test
  void inspect_onFlag_givesTheFlag() {
    assertEquals("RUN --network", inspect("RUN --net|work=none make"));
    assertEquals(
        "RUN --mount=type=secret", inspect("RUN --mount=type=secret,id=x|,target=/y cat /y"));
    assertEquals("COPY --from", inspect("ONBUILD COPY --f|rom=a / /"));
  }

  @Test
  void inspect_onArgument_givesTheEnclosingInstruction() {
    assertEquals("WORKDIR", inspect("WORKDIR /ap|p"));
    assertEquals("RUN", inspect("RUN a \\\n  b|c"));
    assertEquals("ONBUILD", inspect("ONB|UILD RUN x"));
    assertEquals("RUN", inspect("ONBUILD RU|N x"));
  }

  @Test
  void inspect_onCommand_givesTheCommandOrTheHelpTopic() {
    assertEquals("%ls", inspect("%l|s -la /"));
    assertEquals("%ls", inspect("%ls -l|a /"));
    assertEquals("RUN --mount", inspect("%help RUN --mo|unt"));
    assertEquals("%help", inspect("%he|lp RUN"));
  }

  @Test
  void inspect_onNothingDocumented_isEmpty() {
    assertEquals("(none)", inspect("# a comm|ent"));
    assertEquals("(none)", inspect("|"));
    assertEquals("(none)", inspect("CPOY a| b"));
    assertEquals("(none)", inspect("RUN x\n\n|"));
  }
}
