package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.LayerCommitted;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.StepFailed;
import org.iechorfile.engine.StepRejected;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COPY through a session on a busybox base, reading what the new layers hold. */
class CopyDispatchTest {

  @TempDir Path home;
  @TempDir Path context;

  private Session session;

  @BeforeEach
  void open() throws Exception {
    session =
        Session.builder()
            .home(home)
            .sandbox(new FakeSandbox())
            .images(BusyboxLayer.images(home))
            .clock(Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC))
            .context(context)
            .build();
    assertCompleted(session.apply("FROM busybox"));
  }

  @AfterEach
  void close() {
    session.close();
  }

  static StepCompleted assertCompleted(List<SessionEvent> events) {
    SessionEvent last = events.get(events.size() - 1);
    assertTrue(last instanceof StepCompleted, () -> "expected success, got " + events);
    return (StepCompleted) last;
  }

  static Failure assertFailed(List<SessionEvent> events) {
    SessionEvent last = events.get(events.size() - 1);
    assertTrue(last instanceof StepFailed, () -> "expected a failure, got " + events);
    return ((StepFailed) last).failure();
  }

  private ImageTree image() {
    return new ImageTree(session.current().layers(), "the image");
  }

  private Optional<SourceTree.Entry> entry(String path) throws IOException {
    return image().entry(path.substring(1));
  }

  private String read(String path) throws IOException {
    SourceTree.Entry entry = entry(path).orElseThrow(() -> new AssertionError(path + " missing"));
    return Files.readString(entry.file());
  }

  private Path write(String path, String content) throws IOException {
    Path file = context.resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  @Test
  void apply_copyFile_writesItIntoANewLayerWithEvents() throws Exception {
    write("hello.txt", "hi\n");
    List<SessionEvent> events = session.apply("COPY hello.txt /hello.txt");
    assertEquals(
        List.of("StepStarted", "LayerCommitted", "StepCompleted"), RecordingListener.kinds(events));
    assertEquals(1, ((LayerCommitted) events.get(1)).entries());
    assertEquals("hi\n", read("/hello.txt"));
    SourceTree.Entry entry = entry("/hello.txt").orElseThrow();
    assertEquals(0, entry.uid());
    assertEquals(0644, entry.mode());
    assertEquals(2, session.current().layers().size());
  }

  @Test
  void apply_destinationEndingInSlash_isADirectory() throws Exception {
    write("a.txt", "a");
    assertCompleted(session.apply("COPY a.txt /new/dir/"));
    assertEquals("a", read("/new/dir/a.txt"));
    SourceTree.Entry dir = entry("/new/dir").orElseThrow();
    assertEquals(SourceTree.Type.DIRECTORY, dir.type());
    assertEquals(0755, dir.mode());
  }

  @Test
  void apply_existingDirectoryWithoutSlash_copiesIntoIt() throws Exception {
    write("a.txt", "a");
    assertCompleted(session.apply("COPY a.txt /tmp"));
    assertEquals("a", read("/tmp/a.txt"));
    assertEquals(01777, entry("/tmp").orElseThrow().mode(), "the image's /tmp keeps its mode");
  }

  @Test
  void apply_relativeDestination_isUnderWorkdir() throws Exception {
    write("a.txt", "a");
    assertCompleted(session.apply("WORKDIR /app\nCOPY a.txt b.txt"));
    assertEquals("a", read("/app/b.txt"));
    assertCompleted(session.apply("COPY a.txt ."));
    assertEquals("a", read("/app/a.txt"));
  }

  @Test
  void apply_directory_copiesItsContentsNotItself() throws Exception {
    write("src/main.py", "print(1)\n");
    write("src/lib/util.py", "x = 1\n");
    assertCompleted(session.apply("COPY src /app"));
    assertEquals("print(1)\n", read("/app/main.py"));
    assertEquals("x = 1\n", read("/app/lib/util.py"));
    assertTrue(entry("/app/src").isEmpty());
  }

  @Test
  void apply_severalSourcesAndGlobs_goIntoTheDirectory() throws Exception {
    write("a.txt", "a");
    write("b.txt", "b");
    write("c.md", "c");
    assertCompleted(session.apply("COPY *.txt c.md /docs/"));
    assertEquals("a", read("/docs/a.txt"));
    assertEquals("b", read("/docs/b.txt"));
    assertEquals("c", read("/docs/c.md"));
  }

  @Test
  void apply_severalSourcesWithoutSlash_failsAndSaysHowToFix() throws Exception {
    write("a.txt", "a");
    write("b.txt", "b");
    Failure failure = assertFailed(session.apply("COPY a.txt b.txt /nodir"));
    assertTrue(failure.message().contains("write /nodir/"), failure.message());
    assertEquals(1, session.current().layers().size());
  }

  @Test
  void apply_missingSourceOrEmptyGlob_failsNamingIt() throws Exception {
    Failure missing = assertFailed(session.apply("COPY nothere.txt /"));
    assertEquals(Failure.Kind.MISSING_FILE, missing.kind());
    assertTrue(missing.message().contains("nothere.txt"), missing.message());
    assertTrue(missing.message().contains(context.toString()), missing.message());
    Failure glob = assertFailed(session.apply("COPY *.none /"));
    assertTrue(glob.message().contains("*.none"), glob.message());
  }

  @Test
  void apply_chownWithNames_resolvesThemInTheImage() throws Exception {
    write("a.txt", "a");
    write("d/b.txt", "b");
    assertCompleted(session.apply("COPY --chown=app a.txt /x/"));
    SourceTree.Entry a = entry("/x/a.txt").orElseThrow();
    assertEquals(1000, a.uid());
    assertEquals(1000, a.gid());
    assertCompleted(session.apply("COPY --chown=app:staff d /y"));
    SourceTree.Entry b = entry("/y/b.txt").orElseThrow();
    assertEquals(1000, b.uid());
    assertEquals(50, b.gid());
    assertEquals(1000, entry("/y").orElseThrow().uid(), "the created directory is chowned too");
    assertCompleted(session.apply("COPY --chown=42:43 a.txt /z"));
    assertEquals(42, entry("/z").orElseThrow().uid());
    assertEquals(43, entry("/z").orElseThrow().gid());
  }

  @Test
  void apply_chownUnknownUser_failsWithAHint() throws Exception {
    write("a.txt", "a");
    Failure failure = assertFailed(session.apply("COPY --chown=ghost a.txt /"));
    assertTrue(failure.message().contains("unable to find user ghost"), failure.message());
  }

  @Test
  void apply_chmodOctalAndSymbolic_setModes() throws Exception {
    write("run.sh", "#!/bin/sh\n");
    write("d/f", "f");
    assertCompleted(session.apply("COPY --chmod=750 run.sh /bin/run.sh"));
    assertEquals(0750, entry("/bin/run.sh").orElseThrow().mode());
    assertCompleted(session.apply("COPY --chmod=u+x,o-r d /e"));
    assertEquals(0740, entry("/e/f").orElseThrow().mode());
  }

  @Test
  void apply_badChmod_isRejected() throws Exception {
    write("a", "a");
    List<SessionEvent> events = session.apply("COPY --chmod=rwx a /");
    assertTrue(events.get(events.size() - 1) instanceof StepRejected, events.toString());
  }

  @Test
  void apply_parents_keepsTheSourcePaths() throws Exception {
    write("x/y/one.txt", "1");
    write("x/z/two.txt", "2");
    assertCompleted(session.apply("COPY --parents x/*/*.txt /out/"));
    assertEquals("1", read("/out/x/y/one.txt"));
    assertEquals("2", read("/out/x/z/two.txt"));
    assertCompleted(session.apply("COPY --parents x/./y/one.txt /pivot/"));
    assertEquals("1", read("/pivot/y/one.txt"));
  }

  @Test
  void apply_exclude_leavesMatchingFilesOut() throws Exception {
    write("src/a.py", "a");
    write("src/a.pyc", "compiled");
    write("src/tests/t.py", "t");
    assertCompleted(session.apply("COPY --exclude=*.pyc --exclude=tests src /app"));
    assertEquals("a", read("/app/a.py"));
    assertTrue(entry("/app/a.pyc").isEmpty());
    assertTrue(entry("/app/tests").isEmpty());
  }

  @Test
  void apply_link_copiesWithoutLookingAtTheImage() throws Exception {
    write("a.txt", "a");
    assertCompleted(session.apply("COPY --link a.txt /linked/a.txt"));
    assertEquals("a", read("/linked/a.txt"));
    assertEquals("a", Files.readString(lastLayer().resolve("linked/a.txt")));
  }

  private Path lastLayer() {
    List<LayerRef> layers = session.current().layers();
    return layers.get(layers.size() - 1).directory();
  }

  @Test
  void apply_heredoc_writesAFileNamedAfterIt() throws Exception {
    assertCompleted(session.apply("ENV NAME=world\nCOPY <<EOF /greeting\nhello $NAME\nEOF"));
    assertEquals("hello world\n", read("/greeting"));
    assertCompleted(session.apply("COPY <<one.txt <<two.txt /many/\n1\none.txt\n2\ntwo.txt"));
    assertEquals("1\n", read("/many/one.txt"));
    assertEquals("2\n", read("/many/two.txt"));
  }

  @Test
  void apply_symlinksInsideDirectories_stayLinks() throws Exception {
    write("d/target.txt", "t");
    Files.createSymbolicLink(context.resolve("d/link"), Path.of("target.txt"));
    Files.createSymbolicLink(context.resolve("d/far"), Path.of("/etc/shadow"));
    assertCompleted(session.apply("COPY d /d"));
    assertEquals(SourceTree.Type.SYMLINK, entry("/d/link").orElseThrow().type());
    assertEquals("target.txt", entry("/d/link").orElseThrow().linkTarget());
    assertEquals("/etc/shadow", entry("/d/far").orElseThrow().linkTarget());
  }

  @Test
  void apply_sourceThatIsALinkInsideTheContext_copiesWhatItPointsTo() throws Exception {
    write("real.txt", "real");
    Files.createSymbolicLink(context.resolve("alias.txt"), Path.of("real.txt"));
    assertCompleted(session.apply("COPY alias.txt /alias.txt"));
    assertEquals(SourceTree.Type.FILE, entry("/alias.txt").orElseThrow().type());
    assertEquals("real", read("/alias.txt"));
  }

  @Test
  void apply_destinationThroughALinkInTheImage_staysInsideTheImage(@TempDir Path outside)
      throws Exception {
    write("a.txt", "a");
    assertCompleted(session.apply("RUN true"));
    Path layer = lastLayer();
    // A link that would lead to a real host directory if it were followed on this machine.
    Files.createSymbolicLink(layer.resolve("escape"), outside.toAbsolutePath());
    Files.createSymbolicLink(layer.resolve("up"), Path.of("../../../../../../.."));
    assertCompleted(session.apply("COPY a.txt /escape/a.txt"));
    assertCompleted(session.apply("COPY a.txt /up/tmp/b.txt"));
    try (var files = Files.list(outside)) {
      assertEquals(0, files.count(), "nothing written on the host");
    }
    String expected = IgnoreRules.clean(outside.toAbsolutePath().toString());
    assertEquals("a", read("/" + expected + "/a.txt"));
    assertEquals("b", "b");
    assertEquals("a", read("/tmp/b.txt"));
  }

  @Test
  void apply_sourceOutsideTheContext_isRefused(@TempDir Path elsewhere) throws Exception {
    Files.writeString(context.getParent().resolve("secret-" + context.getFileName()), "s");
    Failure failure = assertFailed(session.apply("COPY ../secret-" + context.getFileName() + " /"));
    assertTrue(failure.message().contains("outside the build context"), failure.message());
    Files.writeString(elsewhere.resolve("secret"), "s");
    Files.createSymbolicLink(context.resolve("out"), elsewhere.toAbsolutePath());
    Failure absolute = assertFailed(session.apply("COPY out/secret /"));
    assertTrue(absolute.message().contains("leads out of the build context"), absolute.message());
    Files.createSymbolicLink(context.resolve("rel"), Path.of("../.."));
    Failure relative = assertFailed(session.apply("COPY rel/etc/passwd /"));
    assertTrue(relative.message().contains("leads out of the build context"), relative.message());
    Files.createSymbolicLink(context.resolve("passwd"), Path.of("/etc/passwd"));
    Failure last = assertFailed(session.apply("COPY passwd /copied-passwd"));
    assertTrue(last.message().contains("passwd -> /etc/passwd"), last.message());
    assertFalse(entry("/secret").isPresent());
    assertFalse(entry("/copied-passwd").isPresent());
  }

  @Test
  void apply_dotDotThatStaysInside_isFine() throws Exception {
    write("b.txt", "b");
    Files.createDirectories(context.resolve("a"));
    assertCompleted(session.apply("COPY a/../b.txt /b.txt"));
    assertEquals("b", read("/b.txt"));
  }

  @Test
  void apply_ignoreFile_hidesFilesWithExceptions() throws Exception {
    write(".dockerignore", "*.log\nbuild\n!build/keep.txt\n");
    write("app.js", "js");
    write("debug.log", "log");
    write("build/out.bin", "bin");
    write("build/keep.txt", "keep");
    assertCompleted(session.apply("COPY . /src"));
    assertEquals("js", read("/src/app.js"));
    assertTrue(entry("/src/debug.log").isEmpty());
    assertTrue(entry("/src/build/out.bin").isEmpty());
    assertEquals("keep", read("/src/build/keep.txt"));
    Failure failure = assertFailed(session.apply("COPY debug.log /"));
    assertTrue(failure.message().contains("ignore file"), failure.message());
  }

  @Test
  void apply_iechorignore_winsOverDockerignore() throws Exception {
    write(".dockerignore", "a.txt\n");
    write(".iechorignore", "b.txt\n");
    write("a.txt", "a");
    write("b.txt", "b");
    assertCompleted(session.apply("COPY . /src"));
    assertEquals("a", read("/src/a.txt"));
    assertTrue(entry("/src/b.txt").isEmpty());
  }

  @Test
  void apply_withoutContext_failsSayingHowToSetOne() throws Exception {
    try (Session bare =
        Session.builder()
            .home(home)
            .sandbox(new FakeSandbox())
            .images(BusyboxLayer.images(home))
            .build()) {
      assertCompleted(bare.apply("FROM busybox"));
      Failure failure = assertFailed(bare.apply("COPY a /"));
      assertTrue(failure.message().contains("%context DIR"), failure.message());
      assertCompleted(bare.apply("COPY <<EOF /x\nno context needed\nEOF"));
      write("a", "a");
      bare.setContext(context);
      assertEquals(Optional.of(context.toAbsolutePath().normalize()), bare.context());
      assertCompleted(bare.apply("COPY a /"));
    }
  }
}
