package org.iechorfile.engine.instruction;

import static org.iechorfile.engine.instruction.Parsing.typed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.syntax.Heredoc;
import org.iechorfile.engine.syntax.Keyword;
import org.junit.jupiter.api.Test;

class InstructionParserTest {

  @Test
  void parse_fromWithPlatformAndStage_keepsImagePlatformAndLowercasedName() {
    From from = typed("FROM --platform=linux/arm64 alpine:3.20 AS Build", From.class);
    assertEquals("alpine:3.20", from.image());
    assertEquals(Optional.of("linux/arm64"), from.platform());
    assertEquals(Optional.of("build"), from.stageName());
    assertEquals(Keyword.FROM, from.keyword());
  }

  @Test
  void parse_fromImageOnly_hasNoPlatformOrName() {
    From from = typed("from scratch", From.class);
    assertEquals("scratch", from.image());
    assertEquals(Optional.empty(), from.platform());
    assertEquals(Optional.empty(), from.stageName());
  }

  @Test
  void parse_runShellForm_keepsTextAndDefaults() {
    Run run = typed("RUN apt-get update && apt-get install -y curl", Run.class);
    assertEquals(CommandForm.shell("apt-get update && apt-get install -y curl"), run.command());
    assertEquals(NetworkMode.DEFAULT, run.network());
    assertEquals(SecurityMode.SANDBOX, run.security());
    assertTrue(run.mounts().isEmpty());
    assertTrue(run.devices().isEmpty());
  }

  @Test
  void parse_runExecFormWithFlags_typesEveryFlag() {
    Run run =
        typed(
            "RUN --mount=type=cache,target=/root/.cache --network=none --security=insecure"
                + " --device=vendor.com/gpu=0,required [\"pip\",\"install\",\"flask\"]",
            Run.class);
    assertEquals(CommandForm.exec(List.of("pip", "install", "flask")), run.command());
    assertEquals(MountType.CACHE, run.mounts().get(0).type());
    assertEquals("/root/.cache", run.mounts().get(0).target());
    assertEquals(NetworkMode.NONE, run.network());
    assertEquals(SecurityMode.INSECURE, run.security());
    assertEquals(List.of(new DeviceSpec("vendor.com/gpu=0", true)), run.devices());
  }

  @Test
  void parse_runRepeatedMount_keepsEveryMountInOrder() {
    Run run =
        typed("RUN --mount=type=secret,id=token --mount=type=ssh --network=host make", Run.class);
    assertEquals(MountType.SECRET, run.mounts().get(0).type());
    assertEquals(MountType.SSH, run.mounts().get(1).type());
    assertEquals(NetworkMode.HOST, run.network());
  }

  @Test
  void parse_runHeredoc_keepsHeredocs() {
    Heredoc body = new Heredoc("EOF", "echo hi\n", true, false, 0);
    Run run = typed("RUN <<EOF", List.of(body), Run.class);
    assertEquals(List.of(body), run.heredocs());
    assertEquals("<<EOF", run.command().text());
  }

  @Test
  void parse_runDeviceWithoutRequired_isOptional() {
    Run run = typed("RUN --device=gpu0 --device=gpu1,required=false nvidia-smi", Run.class);
    assertEquals(
        List.of(new DeviceSpec("gpu0", false), new DeviceSpec("gpu1", false)), run.devices());
  }

  @Test
  void parse_copyWithEveryFlag_typesFlagsSourcesAndDestination() {
    Copy copy =
        typed(
            "COPY --from=build --chown=app:app --chmod=0644 --link --parents --exclude=*.md"
                + " --exclude=tmp ./a ./b /app/",
            Copy.class);
    assertEquals(List.of("./a", "./b"), copy.sources());
    assertEquals("/app/", copy.destination());
    assertEquals(Optional.of("build"), copy.from());
    assertEquals(Optional.of("app:app"), copy.chown());
    assertEquals(Optional.of("0644"), copy.chmod());
    assertTrue(copy.link());
    assertTrue(copy.parents());
    assertEquals(List.of("*.md", "tmp"), copy.excludes());
  }

  @Test
  void parse_copyJsonForm_keepsSpacesInPaths() {
    Copy copy = typed("COPY [\"my file\", \"/dest dir/\"]", Copy.class);
    assertEquals(List.of("my file"), copy.sources());
    assertEquals("/dest dir/", copy.destination());
    assertFalse(copy.link());
  }

  @Test
  void parse_copyHeredocSources_becomeFilesNamedAfterTheWord() {
    Heredoc plain = new Heredoc("F1", "one $X\n", true, false, 0);
    Heredoc quoted = new Heredoc("F2", "\ttwo\n", false, true, 0);
    Copy copy = typed("COPY <<F1 <<-'F2' /dest/", List.of(plain, quoted), Copy.class);
    assertEquals(
        List.of(new HeredocSource("F1", "one $X\n", true), new HeredocSource("F2", "two\n", false)),
        copy.heredocSources());
    assertTrue(copy.sources().isEmpty());
  }

  @Test
  void parse_copySymbolicChmod_isAccepted() {
    assertEquals(
        Optional.of("u=rwX,go=rX"), typed("COPY --chmod=u=rwX,go=rX a /b", Copy.class).chmod());
  }

  @Test
  void parse_addWithEveryFlag_typesFlags() {
    Add add =
        typed(
            "ADD --chown=1:1 --chmod=755 --link=false --keep-git-dir=true --unpack=False"
                + " --checksum=sha256:abc --exclude=x https://example.com/a.tar.gz /opt/",
            Add.class);
    assertEquals(List.of("https://example.com/a.tar.gz"), add.sources());
    assertEquals("/opt/", add.destination());
    assertEquals(Optional.of("1:1"), add.chown());
    assertEquals(Optional.of("755"), add.chmod());
    assertFalse(add.link());
    assertTrue(add.keepGitDir());
    assertEquals(Optional.of(false), add.unpack());
    assertEquals(Optional.of("sha256:abc"), add.checksum());
    assertEquals(List.of("x"), add.excludes());
  }

  @Test
  void parse_addGitSourceWithChecksum_isAccepted() {
    Add add = typed("ADD --checksum=abc123 git@github.com:o/r.git#main /src", Add.class);
    assertEquals(Optional.empty(), add.unpack());
  }

  @Test
  void parse_envModernForm_keepsRawPairsInOrder() {
    Env env = typed("ENV A=1 B=\"quoted\" C=", Env.class);
    assertEquals(
        List.of(new KeyValue("A", "1"), new KeyValue("B", "\"quoted\""), new KeyValue("C", "")),
        env.pairs());
    assertFalse(env.legacy());
  }

  @Test
  void parse_envLegacyForm_takesTheRestAsValue() {
    Env env = typed("ENV ONE TWO= THREE=world", Env.class);
    assertEquals(List.of(new KeyValue("ONE", "TWO= THREE=world")), env.pairs());
    assertTrue(env.legacy());
  }

  @Test
  void parse_label_keepsPairs() {
    Label label = typed("LABEL org.opencontainers.image.title=demo version=1", Label.class);
    assertEquals(
        List.of(
            new KeyValue("org.opencontainers.image.title", "demo"), new KeyValue("version", "1")),
        label.pairs());
  }

  @Test
  void parse_argWithAndWithoutDefaults_keepsOrder() {
    Arg arg = typed("ARG VERSION BASE=alpine EMPTY=", Arg.class);
    assertEquals(
        List.of(
            new ArgDefinition("VERSION", Optional.empty()),
            new ArgDefinition("BASE", Optional.of("alpine")),
            new ArgDefinition("EMPTY", Optional.of(""))),
        arg.definitions());
  }

  @Test
  void parse_cmdAndEntrypoint_keepForm() {
    assertEquals(
        CommandForm.exec(List.of("python", "app.py")),
        typed("CMD [\"python\", \"app.py\"]", Cmd.class).command());
    assertEquals(
        CommandForm.shell("exec nginx -g 'daemon off;'"),
        typed("ENTRYPOINT exec nginx -g 'daemon off;'", Entrypoint.class).command());
    assertTrue(typed("CMD []", Cmd.class).command().isEmpty());
  }

  @Test
  void parse_shell_keepsArray() {
    assertEquals(
        List.of("/bin/bash", "-c"), typed("SHELL [\"/bin/bash\", \"-c\"]", Shell.class).shell());
  }

  @Test
  void parse_singleArgumentInstructions_keepTheArgument() {
    assertEquals("/app", typed("WORKDIR /app", Workdir.class).path());
    assertEquals("app:staff", typed("USER app:staff", User.class).user());
    assertEquals("SIGTERM", typed("STOPSIGNAL SIGTERM", StopSignal.class).signal());
    assertEquals("Jo <jo@x.org>", typed("MAINTAINER Jo <jo@x.org>", Maintainer.class).name());
  }

  @Test
  void parse_exposeAndVolume_keepLists() {
    assertEquals(
        List.of("80", "443/tcp", "8000-8010/udp"),
        typed("EXPOSE 80 443/tcp 8000-8010/udp", Expose.class).ports());
    assertEquals(
        List.of("/data", "/logs"), typed("VOLUME [\"/data\", \" /logs \"]", Volume.class).paths());
  }

  @Test
  void parse_healthcheckWithOptions_parsesDurationsAndRetries() {
    Healthcheck check =
        typed(
            "HEALTHCHECK --interval=1m30s --timeout=500ms --start-period=0 --start-interval=2.5s"
                + " --retries=5 CMD curl -f http://localhost/",
            Healthcheck.class);
    assertFalse(check.none());
    assertEquals(Duration.ofSeconds(90), check.interval());
    assertEquals(Duration.ofMillis(500), check.timeout());
    assertEquals(Duration.ZERO, check.startPeriod());
    assertEquals(Duration.ofMillis(2500), check.startInterval());
    assertEquals(5, check.retries());
    assertEquals(List.of("CMD-SHELL", "curl -f http://localhost/"), check.test());
  }

  @Test
  void parse_healthcheckExecForm_storesCmd() {
    Healthcheck check =
        typed(TestNodes.healthcheckJson("HEALTHCHECK cmd [\"true\"]"), Healthcheck.class);
    assertEquals(List.of("CMD", "true"), check.test());
  }

  @Test
  void parse_healthcheckNone_ignoresFlags() {
    Healthcheck check = typed("HEALTHCHECK --bogus=1 none", Healthcheck.class);
    assertTrue(check.none());
    assertEquals(List.of("NONE"), check.test());
  }

  @Test
  void parse_argAndStopsignalWithFlags_ignoreThem() {
    assertEquals(1, typed("ARG --nope A", Arg.class).definitions().size());
    assertEquals("9", typed("STOPSIGNAL --nope=1 9", StopSignal.class).signal());
  }

  @Test
  void parse_onbuild_typesTheTriggerAndKeepsItsText() {
    Onbuild onbuild = typed("ONBUILD COPY --from=base . /app", Onbuild.class);
    assertEquals("COPY --from=base . /app", onbuild.expression());
    Copy trigger = (Copy) onbuild.trigger();
    assertEquals(Optional.of("base"), trigger.from());
  }

  @Test
  void parse_emptyStringFlags_countAsNotGiven() {
    assertEquals(Optional.empty(), typed("FROM --platform= alpine", From.class).platform());
    Copy copy = typed("COPY --from= --chown= --chmod= a b", Copy.class);
    assertEquals(Optional.empty(), copy.from());
    assertEquals(Optional.empty(), copy.chown());
    assertEquals(Optional.empty(), copy.chmod());
    assertEquals(Optional.empty(), typed("ADD --checksum= a b", Add.class).checksum());
  }
}
