package org.iechorfile.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisCompleteTest {

  private final FakeCompletionSource source = new FakeCompletionSource();
  private final Analysis analysis = new Analysis(source);

  /** Completes at the {@code |} in {@code marked}, which is removed. */
  private Completions at(String marked) {
    int cursor = marked.codePointCount(0, marked.indexOf('|'));
    return analysis.complete(marked.replace("|", ""), cursor);
  }

  private static void assertRange(int start, int end, Completions completions) {
    assertEquals(start, completions.start(), "start");
    assertEquals(end, completions.end(), "end");
  }

  @Test
  void complete_keywordPrefixInAnyCase_givesUpperCaseKeywordsWithSpace() {
    Completions completions = at("ru|");
    assertEquals(List.of("RUN "), completions.texts());
    assertRange(0, 2, completions);
    assertEquals(List.of("CMD ", "COPY "), at("FROM a\n  c|").texts());
    assertRange(9, 10, at("FROM a\n  c|"));
  }

  @Test
  void complete_emptyLine_offersKeywordsAndCommands() {
    Completions completions = at("FROM a\n|");
    assertTrue(completions.texts().contains("WORKDIR "));
    assertTrue(completions.texts().contains("%undo "));
    assertEquals(18 + 29, completions.candidates().size());
    assertRange(7, 7, completions);
    assertTrue(completions.candidates().get(0).description().startsWith("Copies files"));
  }

  @Test
  void complete_percentPrefix_givesCommandNames() {
    Completions completions = at("%s|");
    assertEquals(
        List.of("%steps ", "%stat ", "%sh ", "%shell ", "%stop ", "%save "), completions.texts());
    assertRange(0, 2, completions);
  }

  @Test
  void complete_flagPrefix_givesTheInstructionsFlags() {
    Completions completions = at("RUN --|");
    assertEquals(
        List.of("--mount=", "--network=", "--security=", "--device="), completions.texts());
    assertRange(4, 6, completions);
    assertEquals(
        List.of("--chown=", "--chmod=", "--link ", "--parents ", "--exclude="),
        at("COPY --from=x --|").texts());
    assertEquals(List.of("--chown=", "--chmod="), at("COPY --ch|").texts());
  }

  @Test
  void complete_booleanFlag_endsWithSpace() {
    assertEquals(
        List.of("--chown=", "--link ", "--keep-git-dir ", "--checksum=", "--unpack ", "--exclude="),
        at("ADD --chmod=1 --|").texts());
  }

  @Test
  void complete_enumerableFlagValue_givesValuesAfterEquals() {
    Completions completions = at("RUN --network=|");
    assertEquals(List.of("default ", "none ", "host "), completions.texts());
    assertRange(14, 14, completions);
    Completions security = at("RUN --security=in| make");
    assertEquals(List.of("insecure "), security.texts());
    assertRange(15, 17, security);
    assertEquals(List.of(), at("COPY --chmod=|").texts());
  }

  @Test
  void complete_mountType_givesTypes() {
    Completions completions = at("RUN --mount=type=|");
    assertEquals(List.of("bind", "cache", "tmpfs", "secret", "ssh"), completions.texts());
    assertRange(17, 17, completions);
    assertEquals(List.of("cache"), at("RUN --mount=type=ca|").texts());
    assertRange(17, 19, at("RUN --mount=type=ca|"));
  }

  @Test
  void complete_mountKeys_followTheChosenType() {
    Completions cache = at("RUN --mount=type=cache,|");
    assertEquals(
        List.of(
            "target=",
            "id=",
            "sharing=",
            "from=",
            "source=",
            "mode=",
            "uid=",
            "gid=",
            "ro",
            "readonly"),
        cache.texts());
    assertRange(23, 23, cache);
    assertEquals(List.of("size="), at("RUN --mount=type=tmpfs,target=/t,s|").texts());
    assertEquals(
        List.of("type=", "target=", "source=", "from=", "rw", "readwrite"),
        at("RUN --mount=|").texts());
  }

  @Test
  void complete_mountValues_useTheSourceAndTheCatalogue() {
    assertEquals(
        List.of("shared", "private", "locked"), at("RUN --mount=type=cache,sharing=|").texts());
    Completions target = at("RUN --mount=type=cache,target=/us|");
    assertEquals(List.of("/usr/", "/usr/local/", "/usr/lib/"), target.texts());
    assertRange(30, 33, target);
    assertEquals(List.of("src/"), at("RUN --mount=source=s|").texts().subList(0, 1));
    assertEquals(List.of("/out/", "/out/app"), at("RUN --mount=from=build,source=/o|").texts());
    assertEquals(List.of("base"), at("RUN --mount=from=|").texts().subList(0, 1));
  }

  @Test
  void complete_copyFrom_givesStagesOfTheCellAndTheSource() {
    Completions completions = at("FROM golang AS build\nFROM alpine\nCOPY --from=|");
    assertEquals(
        List.of("build", "base", "python:3.12", "python:3.12-slim", "alpine:3.20"),
        completions.texts());
    assertRange(45, 45, completions);
  }

  @Test
  void complete_copyFromStage_completesPathsInThatStage() {
    Completions completions = at("COPY --from=build /usr/lo|");
    assertEquals(List.of("/usr/local/bin/"), completions.texts());
    assertRange(18, 25, completions);
    assertTrue(source.asked.contains("stagePaths build /usr/lo"));
  }

  @Test
  void complete_copySourceAndDestination_useContextThenImage() {
    assertEquals(List.of("src/", "setup.py"), at("COPY s|").texts());
    assertEquals(List.of("/app/"), at("COPY setup.py /a|").texts());
    assertEquals(List.of("requirements.txt"), at("ADD --chown=app r|").texts());
  }

  @Test
  void complete_workdir_completesImagePaths() {
    Completions completions = at("WORKDIR /e|");
    assertEquals(List.of("/etc/", "/etc/os-release"), completions.texts());
    assertRange(8, 10, completions);
  }

  @Test
  void complete_fromImage_givesStoreImagesThenAs() {
    assertEquals(List.of("python:3.12", "python:3.12-slim"), at("FROM py|").texts());
    assertEquals(List.of("AS "), at("FROM python:3.12 a|").texts());
    assertEquals(List.of("--platform="), at("FROM --|").texts());
    assertEquals(
        List.of("linux/amd64 ", "linux/arm64 ", "linux/arm/v7 "), at("FROM --platform=l|").texts());
  }

  @Test
  void complete_user_filtersTheSourcesUsers() {
    assertEquals(List.of("app"), at("USER a|").texts());
  }

  @Test
  void complete_variable_givesCellAndSourceVariables() {
    String cell = "ARG VERSION=1\nENV APP_HOME=/app LEVEL=2\nRUN echo $|";
    Completions completions = at(cell);
    assertEquals(List.of("$VERSION", "$APP_HOME", "$LEVEL", "$HOME", "$PATH"), completions.texts());
    assertRange(49, 50, completions);
    Completions braced = at("ARG VERSION\nFROM python:${V|");
    assertEquals(List.of("${VERSION}"), braced.texts());
    assertRange(24, 27, braced);
  }

  @Test
  void complete_variableInFlagValue_givesVariables() {
    assertEquals(List.of("$HOME"), at("RUN --mount=target=$HO|").texts());
  }

  @Test
  void complete_onbuildTrigger_completesLikeAnInstruction() {
    assertEquals(List.of("RUN "), at("ONBUILD R|").texts());
    Completions triggers = at("ONBUILD |");
    assertEquals(15, triggers.candidates().size());
    assertTrue(triggers.texts().contains("COPY "));
    assertTrue(!triggers.texts().contains("FROM ") && !triggers.texts().contains("%undo "));
    assertEquals(List.of("--from="), at("ONBUILD COPY --fr|").texts());
  }

  @Test
  void complete_healthcheckAndStopsignal_giveTheirWords() {
    assertEquals(List.of("CMD ", "NONE"), at("HEALTHCHECK --interval=5s |").texts());
    assertEquals(List.of("SIGKILL"), at("STOPSIGNAL SIGK|").texts());
  }

  @Test
  void complete_commandOptions_giveTheCommandsOptions() {
    assertEquals(List.of("-l ", "-a ", "--step "), at("%ls -|").texts());
    assertEquals(List.of("--format "), at("%save out.tar --f|").texts());
    Completions values = at("%save out.tar --format |");
    assertEquals(List.of("oci", "oci-archive", "docker-archive"), values.texts());
    assertRange(23, 23, values);
    assertEquals(List.of("docker-archive"), at("%save x --format=d|").texts());
  }

  @Test
  void complete_commandArguments_delegateByKind() {
    assertEquals(List.of("/etc/", "/etc/os-release"), at("%cat /e|").texts());
    assertEquals(List.of("iEchorfile", "image.tar"), at("%export i|").texts());
    assertEquals(List.of("on", "off"), at("%cache o|").texts());
    assertEquals(List.of("/usr/", "/usr/local/", "/usr/lib/"), at("%sh ls /u|").texts());
    assertEquals(List.of("$HOME"), at("%sh echo $H|").texts());
    assertEquals(List.of("VERSION="), at("ARG VERSION\n%arg V|").texts());
  }

  @Test
  void complete_helpTopics_giveInstructionsCommandsAndFlags() {
    assertEquals(List.of("RUN"), at("%help ru|").texts());
    assertEquals(List.of("%undo"), at("%help %un|").texts());
    assertEquals(
        List.of("--mount", "--network", "--security", "--device"), at("%help RUN --|").texts());
  }

  @Test
  void complete_unknownContexts_giveNothing() {
    assertEquals(List.of(), at("# RU|").texts());
    assertEquals(List.of(), at("RUN <<EOF\nec|").texts());
    assertEquals(List.of(), at("CPOY --|").texts());
    assertEquals(List.of(), at("%frob -|").texts());
    assertEquals(List.of(), at("RUN a \\\n# co|").texts());
  }

  @Test
  void complete_continuationLine_keepsTheInstructionContext() {
    Completions completions = at("RUN --network=none \\\n  --mo|");
    assertEquals(List.of("--mount="), completions.texts());
    assertRange(23, 27, completions);
  }

  @Test
  void complete_cursorOutOfRange_isClamped() {
    assertEquals(List.of("RUN "), analysis.complete("RU", 99).texts());
    assertRange(0, 0, analysis.complete("RU", -5));
  }

  @Test
  void complete_emptySource_stillCompletesFromText() {
    Analysis standalone = Analysis.standalone();
    assertEquals(List.of("--network="), standalone.complete("RUN --n", 7).texts());
    assertEquals(List.of(), standalone.complete("WORKDIR /", 9).texts());
  }
}
