package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.StepFailed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Sessions on a real busybox layer with the real sandbox. */
@Timeout(120)
class SessionIT {

  @TempDir Path home;
  @TempDir Path secrets;

  private Session session;

  @BeforeEach
  void open() throws Exception {
    Path secret = Files.writeString(secrets.resolve("token"), "s3cr3t-value");
    session = newSession(secret);
    assertEquals(
        List.of("StepStarted", "PullProgress", "ConfigChanged", "StepCompleted"),
        RecordingListener.kinds(session.apply("FROM busybox")));
  }

  private Session newSession(Path secret) throws Exception {
    return SandboxSessions.builder(home).secret("token", new SecretSource.FromFile(secret)).build();
  }

  @AfterEach
  void close() {
    session.close();
  }

  private static String output(List<SessionEvent> events) {
    return SandboxSessions.output(events);
  }

  private String run(String instruction) {
    return SandboxSessions.completed(session, instruction);
  }

  @Test
  void run_streamsOutputAndCommitsItsLayer() throws IOException {
    List<SessionEvent> events = session.apply("RUN echo hello && echo made > /made.txt");
    assertEquals(
        List.of("StepStarted", "OutputChunk", "LayerCommitted", "StepCompleted"),
        RecordingListener.kinds(events));
    assertEquals("hello\n", output(events));
    Path layer = session.current().layers().get(1).directory();
    assertEquals("made\n", Files.readString(layer.resolve("made.txt")));
    try (Stream<Path> entries = Files.list(layer)) {
      assertEquals(List.of("made.txt"), entries.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void run_failing_keepsTheLastGoodStepAndShowsTheLastLines() {
    ImageState before = session.current();
    List<SessionEvent> events = session.apply("RUN echo trying; echo broken >&2; exit 7");
    Failure failure = ((StepFailed) events.get(events.size() - 1)).failure();
    assertEquals(7, failure.exitCode().getAsInt());
    assertTrue(failure.detail().contains("broken"), failure.detail());
    assertEquals(before, session.current());
  }

  @Test
  void run_seesEnvArgsWorkdirAndDefaultPath() {
    session.apply("ENV GREETING=hi\nARG WHO=world\nWORKDIR /srv/app");
    assertEquals("hi world /srv/app\n", run("RUN echo $GREETING $WHO $(pwd)"));
  }

  @Test
  void user_app_createsFilesOwnedByUid1000() throws IOException {
    session.apply("USER app");
    assertEquals("1000 1000\n", run("RUN echo $(id -u) $(id -g) && touch /tmp/mine"));
    Path file = session.current().layers().get(1).directory().resolve("tmp/mine");
    assertEquals(1000, Files.getAttribute(file, "unix:uid"));
    session.apply("USER app:staff");
    assertEquals("1000 50\n", run("RUN echo $(id -u) $(id -g)"));
  }

  @Test
  void user_unknown_failsWithAHint() {
    session.apply("USER ghost");
    List<SessionEvent> events = session.apply("RUN true");
    Failure failure = ((StepFailed) events.get(events.size() - 1)).failure();
    assertTrue(failure.message().startsWith("unable to find user ghost"), failure.message());
  }

  @Test
  void networkNone_leavesOnlyLoopback() {
    assertEquals("lo\n", run("RUN --network=none ls /sys/class/net"));
  }

  @Test
  void cacheMount_persistsAcrossStepsAndStaysOutOfTheLayer() throws IOException {
    run("RUN --mount=type=cache,target=/var/cache/app echo kept > /var/cache/app/file");
    assertEquals(
        "kept\n", run("RUN --mount=type=cache,target=/var/cache/app cat /var/cache/app/file"));
    assertFalse(Files.exists(session.current().layers().get(1).directory().resolve("var")));
  }

  /**
   * Runs {@code first} in this session and, once it has made {@code /c/started} in its cache mount,
   * {@code second} in another one on the same store; returns their outputs.
   */
  private List<String> runTogether(String first, String second) throws Exception {
    Session other = newSession(secrets.resolve("token"));
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      other.apply("FROM busybox");
      Future<String> firstOutput = executor.submit(() -> run(first));
      Path caches = home.resolve("session/mounts/cache");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!started(caches)) {
        assertTrue(System.nanoTime() < deadline, "the first step never started");
        Thread.sleep(20);
      }
      String secondOutput = SandboxSessions.completed(other, second);
      return List.of(firstOutput.get(60, TimeUnit.SECONDS), secondOutput);
    } finally {
      executor.shutdownNow();
      other.close();
    }
  }

  private static boolean started(Path caches) throws IOException {
    if (!Files.isDirectory(caches)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(caches)) {
      return files.anyMatch(f -> f.getFileName().toString().equals("started"));
    }
  }

  @Test
  void cacheMount_shared_isUsedByTwoStepsAtOnce() throws Exception {
    String mount = "RUN --mount=type=cache,id=c,target=/c ";
    List<String> outputs =
        runTogether(
            mount + "echo first > /c/f; touch /c/started; sleep 2; cat /c/f",
            mount + "echo second > /c/f");
    assertEquals(List.of("second\n", ""), outputs, "the second step wrote into the first's cache");
  }

  @Test
  void cacheMount_locked_waitsForTheStepThatHasIt() throws Exception {
    String mount = "RUN --mount=type=cache,id=c,target=/c,sharing=locked ";
    List<String> outputs =
        runTogether(
            mount + "echo first > /c/f; touch /c/started; sleep 2; cat /c/f",
            mount + "cat /c/f; echo second > /c/f");
    assertEquals(List.of("first\n", "first\n"), outputs);
  }

  @Test
  void cacheMount_private_givesABusyStepADirectoryOfItsOwn() throws Exception {
    String mount = "RUN --mount=type=cache,id=c,target=/c,sharing=private ";
    List<String> outputs =
        runTogether(
            mount + "echo first > /c/f; touch /c/started; sleep 2; cat /c/f",
            mount + "ls /c | wc -l; echo second > /c/f");
    assertEquals(List.of("first\n", "0\n"), outputs);
    // Once free, the first directory is the one a private step gets again.
    assertEquals("first\n", run(mount + "cat /c/f"));
  }

  @Test
  void cacheMount_from_startsAsACopyOfTheStagesDirectory() throws IOException {
    run("RUN mkdir -p /seed/sub && echo seeded > /seed/sub/f && chown -R 1000:1000 /seed/sub");
    session.apply("FROM busybox AS next");
    String mount = "RUN --mount=type=cache,target=/c,from=0,source=/seed ";
    assertEquals(
        "seeded\n1000 1000\n",
        run(mount + "cat /c/sub/f; stat -c '%u %g' /c/sub; echo more > /c/added"));
    assertEquals("more\n", run(mount + "cat /c/added"), "the cache keeps what steps add");
    assertEquals(
        "absent\n",
        run("RUN --mount=type=cache,target=/c ls /c/sub 2>/dev/null || echo absent"),
        "a cache without the base is another cache");
    assertFalse(Files.exists(session.current().layers().get(1).directory().resolve("c")));
  }

  @Test
  void cacheMount_fromAMissingDirectory_failsNamingIt() {
    List<SessionEvent> events =
        session.apply("RUN --mount=type=cache,target=/c,from=busybox,source=/nowhere true");
    StepFailed failed = (StepFailed) events.get(events.size() - 1);
    assertTrue(
        failed.failure().message().contains("there is no /nowhere in"), failed.failure().message());
  }

  @Test
  void workdir_makesAMissingDirectoryOwnedByTheUserAndKeepsAnExistingOneAsItIs() {
    int layers = session.current().layers().size();
    session.apply("WORKDIR /tmp");
    assertEquals(layers, session.current().layers().size(), "/tmp exists: no layer");
    run("RUN ln -s /tmp /lnk");
    session.apply("USER 1000:1000\nWORKDIR /data/app");
    assertEquals(
        "/data/app\n1000 1000 755\n1000 1000 755\n",
        run("RUN pwd; stat -c '%u %g %a' /data/app /data"));
    session.apply("WORKDIR /lnk/sub");
    assertEquals("/tmp/sub\n1000\n", run("RUN pwd; stat -c '%u' /tmp/sub"));
  }

  @Test
  void workdir_throughAFile_failsNamingIt() {
    List<SessionEvent> events = session.apply("WORKDIR /bin/busybox/x");
    StepFailed failed = (StepFailed) events.get(events.size() - 1);
    assertTrue(
        failed.failure().message().contains("/bin/busybox is a file in the image"),
        failed.failure().message());
    assertEquals("", session.current().config().workingDir(), "the session stays as it was");
  }

  @Test
  void tmpfsMount_isEmptyAndDiscarded() {
    assertEquals(
        "0\n",
        run(
            "RUN --mount=type=tmpfs,target=/scratch,size=1m touch /scratch/x; ls /scratch | grep -c y || true"));
  }

  @Test
  void secret_isReadableButNeverReachesALayer() throws IOException {
    assertEquals(
        "s3cr3t-value\n", run("RUN --mount=type=secret,id=token cat /run/secrets/token; echo"));
    assertEquals("s3cr3t-value\n", run("RUN --mount=type=secret,id=token,env=TOKEN echo $TOKEN"));
    for (LayerRef layer : session.current().layers().subList(1, 3)) {
      try (Stream<Path> files = Files.walk(layer.directory())) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertFalse(Files.readString(file).contains("s3cr3t"), file.toString());
        }
      }
      assertFalse(Files.exists(layer.directory().resolve("run")));
    }
  }

  @Test
  void secret_requiredButMissing_failsWithTheFlagToUse() {
    List<SessionEvent> events = session.apply("RUN --mount=type=secret,id=other,required true");
    Failure failure = ((StepFailed) events.get(events.size() - 1)).failure();
    assertTrue(failure.message().contains("--secret id=other"), failure.message());
  }

  @Test
  void heredoc_runsAsAShellScriptOrWithItsShebang() {
    assertEquals("one\ntwo\n", run("RUN <<EOF\necho one\necho two\nEOF"));
    assertEquals("from a script\n", run("RUN <<EOF\n#!/bin/sh\necho from a script\nEOF"));
    assertEquals("piped\n", run("RUN <<EOF cat\npiped\nEOF"));
  }

  @Test
  void stop_killsTheRunningStepWithinASecondAndKeepsTheState() throws Exception {
    ImageState before = session.current();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<List<SessionEvent>> running = executor.submit(() -> session.apply("RUN sleep 30"));
      Thread.sleep(700);
      long start = System.nanoTime();
      session.stop();
      List<SessionEvent> events = running.get(5, TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "took " + took);
      Failure failure = ((StepFailed) events.get(events.size() - 1)).failure();
      assertEquals(Failure.Kind.CANCELLED, failure.kind());
      assertEquals(before, session.current());
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void threeHundredRunSteps_allStackUp() {
    for (int i = 0; i < 300; i++) {
      List<SessionEvent> events = session.apply("RUN mkdir -p /steps && touch /steps/" + i);
      assertTrue(
          events.get(events.size() - 1) instanceof StepCompleted, "step " + i + ": " + events);
    }
    assertEquals("300\n", run("RUN ls /steps | wc -l"));
    assertEquals(302, session.current().layers().size());
  }

  @Test
  void twoSessions_shareOneStoreAtOnce() throws Exception {
    Session other = newSession(secrets.resolve("token"));
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      other.apply("FROM busybox");
      List<Future<String>> results = new ArrayList<>();
      List<Session> both = List.of(session, other);
      for (int n = 0; n < both.size(); n++) {
        Session s = both.get(n);
        String name = "session" + n;
        results.add(
            executor.submit(
                () -> {
                  StringBuilder out = new StringBuilder();
                  for (int i = 0; i < 10; i++) {
                    String file = "/" + name + "-" + i;
                    List<SessionEvent> events =
                        s.apply("RUN echo " + name + " > " + file + "; cat " + file);
                    assertTrue(
                        events.get(events.size() - 1) instanceof StepCompleted, events.toString());
                    out.append(output(events));
                  }
                  return out.toString();
                }));
      }
      for (int n = 0; n < results.size(); n++) {
        String text = results.get(n).get(60, TimeUnit.SECONDS);
        assertEquals(("session" + n + "\n").repeat(10), text);
      }
      other.undo(10);
      List<SessionEvent> shared = other.apply("RUN echo session0 > /session0-0; cat /session0-0");
      assertTrue(
          ((StepCompleted) shared.get(shared.size() - 1)).cache().hit(),
          "a step another session ran on the same parent comes from the shared cache");
      assertEquals(11, session.current().layers().size());
      assertEquals(2, other.current().layers().size());
    } finally {
      executor.shutdownNow();
      other.close();
    }
  }
}
