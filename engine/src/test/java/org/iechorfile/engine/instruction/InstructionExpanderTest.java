package org.iechorfile.engine.instruction;

import static org.iechorfile.engine.instruction.Parsing.typed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.SourceSpan;
import org.iechorfile.engine.syntax.Heredoc;
import org.iechorfile.engine.syntax.LineParser;
import org.iechorfile.engine.syntax.ParsedFile;
import org.iechorfile.engine.syntax.Variables;
import org.junit.jupiter.api.Test;

class InstructionExpanderTest {

  private static final Variables VARS =
      Variables.of(
          Map.of(
              "APP", "/srv/app",
              "USERNAME", "app",
              "PORTS", "80 443/tcp",
              "MODE", "0640",
              "abc", "old",
              "CACHE", "/root/.cache",
              "IMAGE", "alpine:3.20"));

  private static final InstructionExpander EXPANDER = new InstructionExpander('\\');

  private static <T extends Instruction> T expanded(String text, Class<T> type) {
    return expanded(typed(text, type), type);
  }

  private static <T extends Instruction> T expanded(Instruction instruction, Class<T> type) {
    ExpansionResult result = EXPANDER.expand(instruction, VARS);
    assertTrue(result.instruction().isPresent(), () -> result.diagnostics().toString());
    return type.cast(result.instruction().get());
  }

  private static Diagnostic failure(String text) {
    ExpansionResult result = EXPANDER.expand(typed(text, Instruction.class), VARS);
    assertTrue(result.instruction().isEmpty());
    assertEquals(1, result.diagnostics().size());
    return result.diagnostics().get(0);
  }

  @Test
  void expand_env_expandsKeysAndValuesAgainstTheEnvironmentBefore() {
    Env env = expanded("ENV abc=bye def=$abc dir=\"${APP}/data\"", Env.class);
    assertEquals(
        List.of(
            new KeyValue("abc", "bye"),
            new KeyValue("def", "old"),
            new KeyValue("dir", "/srv/app/data")),
        env.pairs());
  }

  @Test
  void expand_label_expandsKeysAndValues() {
    assertEquals(
        List.of(new KeyValue("owner", "app")),
        expanded("LABEL owner=$USERNAME", Label.class).pairs());
  }

  @Test
  void expand_copy_expandsPathsChownAndChmodButNotExcludes() {
    Copy copy =
        expanded("COPY --chown=$USERNAME --chmod=$MODE --exclude=$APP/x src/ $APP/", Copy.class);
    assertEquals(List.of("src/"), copy.sources());
    assertEquals("/srv/app/", copy.destination());
    assertEquals(Optional.of("app"), copy.chown());
    assertEquals(Optional.of("0640"), copy.chmod());
    assertEquals(List.of("$APP/x"), copy.excludes());
  }

  @Test
  void expand_flagExpandingToNothing_countsAsNotGiven() {
    Copy copy = expanded("COPY --chown=$NOPE --chmod=${NOPE} a b", Copy.class);
    assertEquals(Optional.empty(), copy.chown());
    assertEquals(Optional.empty(), copy.chmod());
    assertEquals(Optional.of(""), expanded("FROM --platform=$NOPE alpine", From.class).platform());
  }

  @Test
  void expand_copyFromWithVariable_isAnError() {
    Diagnostic d = failure("COPY --from=$STAGE a b");
    assertEquals(
        "variable expansion is not supported for --from, define a new stage with FROM using ARG"
            + " from global scope as a workaround",
        d.message());
    assertEquals(SourceSpan.of(1, 6, 6), d.span());
  }

  @Test
  void expand_copyHeredocBody_expandsUnlessQuoted() {
    Heredoc open = new Heredoc("A", "dir=$APP \"q\" \\x\n", true, false, 0);
    Heredoc quoted = new Heredoc("B", "dir=$APP\n", false, false, 0);
    Copy copy =
        expanded(typed("COPY <<A <<'B' /dest/", List.of(open, quoted), Copy.class), Copy.class);
    assertEquals(
        List.of(
            new HeredocSource("A", "dir=/srv/app \"q\" x\n", true),
            new HeredocSource("B", "dir=$APP\n", false)),
        copy.heredocSources());
  }

  @Test
  void expand_add_expandsChecksumAndChecksItAfterwards() {
    Add add = expanded("ADD --checksum=sha256:$MODE https://x.org/a.tgz $APP", Add.class);
    assertEquals(Optional.of("sha256:0640"), add.checksum());
    assertEquals(
        "checksum requires HTTP(S) or Git sources",
        failure("ADD --checksum=sha256:0 $APP /b").message());
  }

  @Test
  void expand_copyToUrlAfterExpansion_isRejected() {
    ExpansionResult result =
        EXPANDER.expand(
            typed("COPY $URL /b", Copy.class), Variables.of(Map.of("URL", "https://x.org/f")));
    assertEquals("source can't be a URL for COPY", result.diagnostics().get(0).message());
  }

  @Test
  void expand_singleWordInstructions_expandTheirArgument() {
    assertEquals("/srv/app/sub", expanded("WORKDIR $APP/sub", Workdir.class).path());
    assertEquals("app:app", expanded("USER ${USERNAME}:$USERNAME", User.class).user());
    assertEquals("SIGTERM", expanded("STOPSIGNAL SIG${UNSET:-TERM}", StopSignal.class).signal());
    assertEquals(List.of("/srv/app", "/x"), expanded("VOLUME $APP /x", Volume.class).paths());
  }

  @Test
  void expand_expose_expandsSplitsAndNormalises() {
    assertEquals(
        List.of("80/tcp", "443/tcp", "8080/tcp"),
        expanded("EXPOSE $PORTS 8080", Expose.class).ports());
  }

  @Test
  void expand_exposeBadPort_isAnError() {
    assertEquals("invalid containerPort: 70000", failure("EXPOSE 70000").message());
  }

  @Test
  void expand_arg_expandsDefaultsNotNames() {
    Arg arg = expanded("ARG $APP DIR=$APP/bin", Arg.class);
    assertEquals(
        List.of(
            new ArgDefinition("$APP", Optional.empty()),
            new ArgDefinition("DIR", Optional.of("/srv/app/bin"))),
        arg.definitions());
  }

  @Test
  void expand_from_expandsImageAndPlatform() {
    From from = expanded("FROM --platform=${P:-linux/amd64} $IMAGE AS base", From.class);
    assertEquals("alpine:3.20", from.image());
    assertEquals(Optional.of("linux/amd64"), from.platform());
  }

  @Test
  void expand_runMounts_expandValuesButNotTheCommand() {
    Run run = expanded("RUN --mount=type=cache,target=$CACHE,mode=$MODE echo $APP", Run.class);
    assertEquals("/root/.cache", run.mounts().get(0).target());
    assertEquals(0640, run.mounts().get(0).effectiveMode());
    assertEquals("echo $APP", run.command().text());
  }

  @Test
  void expand_runMountValueBadAfterExpansion_isAnError() {
    assertEquals(
        "invalid value 0640x for mode",
        failure("RUN --mount=type=cache,target=/a,mode=${MODE}x true").message());
  }

  @Test
  void expand_commandsAndOnbuild_areUnchanged() {
    for (String text :
        List.of(
            "CMD echo $APP",
            "ENTRYPOINT [\"$APP\"]",
            "SHELL [\"$APP\"]",
            "HEALTHCHECK CMD $APP",
            "MAINTAINER $USERNAME",
            "ONBUILD WORKDIR $APP")) {
      Instruction instruction = typed(text, Instruction.class);
      ExpansionResult result = EXPANDER.expand(instruction, VARS);
      assertSame(instruction, result.instruction().orElseThrow(), text);
      assertEquals(Set.of(), result.used(), text);
    }
  }

  @Test
  void expand_reportsUsedAndUnsetNames() {
    ExpansionResult result = EXPANDER.expand(typed("ENV A=$APP B=$NOPE", Env.class), VARS);
    assertEquals(List.of("APP", "NOPE"), List.copyOf(result.used()));
    assertEquals(List.of("NOPE"), List.copyOf(result.unset()));
    assertEquals("", ((Env) result.instruction().orElseThrow()).pairs().get(1).value());
  }

  @Test
  void expand_badSubstitution_pointsIntoTheWord() {
    Diagnostic d = failure("WORKDIR /a/${APP");
    assertEquals("failed to process \"/a/${APP\": syntax error: missing '}'", d.message());
    assertEquals(1, d.span().startLine());
    assertTrue(d.span().startColumn() >= 9, d.span()::toString);
  }

  @Test
  void expand_backtickEscape_usesTheFileEscape() {
    ParsedFile file = LineParser.parse("# escape=`\nFROM a\nENV A=`$APP\n");
    ParsedInstructions typed = new InstructionParser().parse(file);
    ExpansionResult result =
        new InstructionExpander(file.escape()).expand(typed.instructions().get(1), VARS);
    assertEquals("$APP", ((Env) result.instruction().orElseThrow()).pairs().get(0).value());
  }
}
