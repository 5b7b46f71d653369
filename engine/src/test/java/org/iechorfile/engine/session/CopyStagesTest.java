package org.iechorfile.engine.session;

import static org.iechorfile.engine.session.CopyDispatchTest.assertCompleted;
import static org.iechorfile.engine.session.CopyDispatchTest.assertFailed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepCompleted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-stage sessions: COPY --from stages and images, FROM a stage, ARG scope, the cache. */
class CopyStagesTest {

  @TempDir Path home;
  @TempDir Path context;

  private Session session;

  @BeforeEach
  void open() throws Exception {
    BaseImages busybox = BusyboxLayer.images(home);
    session =
        Session.builder()
            .home(home)
            .sandbox(new FakeSandbox())
            .images(busybox)
            .context(context)
            .build();
  }

  @AfterEach
  void close() {
    session.close();
  }

  private String read(String path) throws IOException {
    SourceTree.Entry entry =
        new ImageTree(session.current().layers(), "the image")
            .entry(path.substring(1))
            .orElseThrow(() -> new AssertionError(path + " missing"));
    return Files.readString(entry.file());
  }

  @Test
  void apply_copyFromNamedStage_takesItsFiles() throws Exception {
    assertCompleted(
        session.apply(
            "FROM busybox AS build\nWORKDIR /out\nCOPY <<EOF site.html\n<h1>built</h1>\nEOF"));
    assertCompleted(session.apply("FROM busybox\nCOPY --from=build /out/site.html /www/"));
    assertEquals("<h1>built</h1>\n", read("/www/site.html"));
    assertEquals(1, session.current().stageIndex());
    assertEquals(List.of("build"), session.current().stages().stream().map(Stage::name).toList());
  }

  @Test
  void apply_copyFromStageIndexAndGlob_works() throws Exception {
    assertCompleted(session.apply("FROM busybox\nCOPY <<a.txt <<b.txt /data/\nA\na.txt\nB\nb.txt"));
    assertCompleted(session.apply("FROM scratch\nCOPY --from=0 /data/*.txt /"));
    assertEquals("A\n", read("/a.txt"));
    assertEquals("B\n", read("/b.txt"));
    assertEquals(1, session.current().layers().size(), "scratch plus one COPY layer");
  }

  @Test
  void apply_copyFromImage_pullsThroughBaseImages() throws Exception {
    assertCompleted(session.apply("FROM scratch\nCOPY --from=busybox /etc/passwd /passwd"));
    assertTrue(read("/passwd").contains("app:x:1000"));
  }

  @Test
  void apply_copyFromTheCurrentOrAMissingStage_failsClearly() throws Exception {
    assertCompleted(session.apply("FROM busybox AS one"));
    Failure self = assertFailed(session.apply("COPY --from=one /etc/passwd /x"));
    assertTrue(self.message().contains("names the stage being built"), self.message());
    Failure index = assertFailed(session.apply("COPY --from=7 /etc/passwd /x"));
    assertTrue(index.message().contains("no earlier stage"), index.message());
    Failure image = assertFailed(session.apply("COPY --from=nosuch /etc/passwd /x"));
    assertEquals(Failure.Kind.IMAGE_UNAVAILABLE, image.kind());
  }

  @Test
  void apply_fromAnEarlierStage_continuesItsFilesystemAndEarlierStagesStayUsable()
      throws Exception {
    assertCompleted(session.apply("FROM busybox AS base\nCOPY <<EOF /base.txt\nbase\nEOF"));
    assertCompleted(session.apply("FROM base AS app\nCOPY <<EOF /app.txt\napp\nEOF"));
    assertEquals("base\n", read("/base.txt"));
    assertCompleted(session.apply("FROM busybox\nCOPY --from=base /base.txt /from-base"));
    assertCompleted(session.apply("COPY --from=app /app.txt /from-app"));
    assertEquals("base\n", read("/from-base"));
    assertEquals("app\n", read("/from-app"));
    List<String> stages = session.steps().stream().map(StepInfo::stage).distinct().toList();
    assertEquals(List.of("base", "app", "stage-2"), stages);
  }

  @Test
  void apply_argScope_globalArgsNeedRedeclaringInAStage() throws Exception {
    assertCompleted(session.apply("ARG NAME=global\nFROM busybox"));
    assertCompleted(session.apply("COPY <<EOF /before\n[${NAME}]\nEOF"));
    assertEquals("[]\n", read("/before"));
    assertCompleted(session.apply("ARG NAME\nCOPY <<EOF /after\n[${NAME}]\nEOF"));
    assertEquals("[global]\n", read("/after"));
    assertCompleted(session.apply("FROM busybox\nCOPY <<EOF /next\n[${NAME}]\nEOF"));
    assertEquals("[]\n", read("/next"), "a stage's ARG does not reach the next stage");
  }

  @Test
  void apply_sameContent_hitsTheCacheAndAChangedFileIsNamed() throws Exception {
    Files.createDirectories(context.resolve("src"));
    Files.writeString(context.resolve("src/a.py"), "a = 1\n");
    Files.writeString(context.resolve("src/b.py"), "b = 1\n");
    Files.writeString(context.resolve("requirements.txt"), "flask\n");
    String file = "FROM busybox\nCOPY requirements.txt /app/\nCOPY src /app/src";
    assertCompleted(session.apply(file));
    session.reset();
    List<SessionEvent> again = session.apply(file);
    assertEquals(List.of(true, true), hits(again).subList(1, 3));

    Files.writeString(context.resolve("src/b.py"), "b = 2\n");
    session.reset();
    List<SessionEvent> edited = session.apply(file);
    List<StepCompleted> steps = completed(edited);
    assertTrue(steps.get(1).cache().hit(), "the step that does not copy b.py stays cached");
    assertFalse(steps.get(2).cache().hit());
    assertEquals("src/b.py changed", steps.get(2).cache().reason());

    Files.writeString(context.resolve("src/c.py"), "c\n");
    session.reset();
    assertEquals("src/c.py is new", completed(session.apply(file)).get(2).cache().reason());
    Files.delete(context.resolve("src/a.py"));
    session.reset();
    assertEquals("src/a.py was removed", completed(session.apply(file)).get(2).cache().reason());
    assertEquals("b = 2\n", read("/app/src/b.py"));
  }

  @Test
  void apply_modeChange_missesTheCacheButTouchDoesNot() throws Exception {
    Path script = Files.writeString(context.resolve("run.sh"), "#!/bin/sh\n");
    String file = "FROM busybox\nCOPY run.sh /";
    assertCompleted(session.apply(file));
    Files.setLastModifiedTime(script, java.nio.file.attribute.FileTime.fromMillis(0));
    session.reset();
    assertTrue(completed(session.apply(file)).get(1).cache().hit());
    Files.setAttribute(script, "unix:mode", 0755);
    session.reset();
    assertEquals("run.sh changed", completed(session.apply(file)).get(1).cache().reason());
  }

  @Test
  void apply_ignoredFileEdited_keepsTheCache() throws Exception {
    Files.writeString(context.resolve(".dockerignore"), "*.log\n");
    Files.writeString(context.resolve("app.txt"), "app");
    Files.writeString(context.resolve("x.log"), "1");
    String file = "FROM busybox\nCOPY . /app";
    assertCompleted(session.apply(file));
    Files.writeString(context.resolve("x.log"), "2");
    session.reset();
    assertTrue(completed(session.apply(file)).get(1).cache().hit());
  }

  @Test
  void apply_copyFromStageChanged_missesTheCache() throws Exception {
    assertCompleted(session.apply("FROM busybox AS b\nCOPY <<EOF /v\n1\nEOF"));
    assertCompleted(session.apply("FROM busybox\nCOPY --from=b /v /v"));
    assertTrue(completed(session.apply("FROM busybox\nCOPY --from=b /v /v")).get(1).cache().hit());
    session.reset();
    assertCompleted(session.apply("FROM busybox AS b\nCOPY <<EOF /v\n2\nEOF"));
    StepCompleted copy = completed(session.apply("FROM busybox\nCOPY --from=b /v /v")).get(1);
    assertFalse(copy.cache().hit());
    assertEquals("2\n", read("/v"));
  }

  private static List<StepCompleted> completed(List<SessionEvent> events) {
    return events.stream()
        .filter(e -> e instanceof StepCompleted)
        .map(e -> (StepCompleted) e)
        .toList();
  }

  private static List<Boolean> hits(List<SessionEvent> events) {
    return completed(events).stream().map(c -> c.cache().hit()).toList();
  }
}
