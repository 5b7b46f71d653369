package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iechorfile.engine.ConfigChange;
import org.iechorfile.engine.ConfigChanged;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.OutputChunk;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.StepFailed;
import org.iechorfile.engine.StepId;
import org.iechorfile.engine.StepRejected;
import org.iechorfile.engine.image.RuntimeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTest {

  @TempDir Path home;

  private final FakeSandbox sandbox = new FakeSandbox();
  private final RecordingListener listener = new RecordingListener();
  private Session session;

  @BeforeEach
  void open() {
    session =
        Session.builder()
            .home(home)
            .sandbox(sandbox)
            .images(new FixedImages(Map.of()))
            .clock(Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC))
            .build();
    session.addListener(listener);
  }

  @AfterEach
  void close() {
    session.close();
  }

  private static List<String> kinds(List<SessionEvent> events) {
    return RecordingListener.kinds(events);
  }

  @Test
  void apply_beforeFrom_isRejectedWithAHint() {
    List<SessionEvent> events = session.apply("ENV A=1");
    assertEquals(List.of("StepRejected"), kinds(events));
    StepRejected rejected = (StepRejected) events.get(0);
    assertEquals(new StepId(1), rejected.step());
    assertTrue(
        rejected.diagnostics().get(0).message().startsWith("no build stage in current context"));
    assertTrue(session.steps().isEmpty());
  }

  @Test
  void apply_returnsTheEventsItDeliversToListeners() {
    List<SessionEvent> events = session.apply("FROM scratch\nENV A=1");
    assertEquals(events, listener.events());
    assertEquals(
        List.of("StepStarted", "StepCompleted", "StepStarted", "ConfigChanged", "StepCompleted"),
        kinds(events));
  }

  @Test
  void env_usesTheValuesFromBeforeTheInstruction() {
    session.apply("FROM scratch\nENV A=old\nENV A=new B=$A");
    RuntimeConfig config = session.config();
    assertEquals(List.of("A=new", "B=old"), config.env());
  }

  @Test
  void env_change_isReportedFieldByField() {
    session.apply("FROM scratch\nENV A=1");
    List<SessionEvent> events = session.apply("ENV A=2 B=3");
    ConfigChanged changed = (ConfigChanged) events.get(1);
    assertEquals(
        List.of(new ConfigChange("Env.A", "1", "2"), new ConfigChange("Env.B", "", "3")),
        changed.changes());
  }

  @Test
  void configInstructions_setTheImageConfig() {
    List<SessionEvent> events =
        session.apply(
            String.join(
                "\n",
                "FROM scratch",
                "WORKDIR /app",
                "WORKDIR src/../lib",
                "USER app:staff",
                "LABEL version=1.0 \"team name\"=core",
                "EXPOSE 80 8000-8002/udp",
                "VOLUME /data [\"/cache\"]",
                "STOPSIGNAL SIGINT",
                "SHELL [\"/bin/bash\", \"-c\"]",
                "CMD echo hi",
                "HEALTHCHECK --interval=5s CMD wget -q localhost",
                "ONBUILD RUN echo child",
                "MAINTAINER someone"));
    assertFalse(kinds(events).contains("StepRejected"), events.toString());
    RuntimeConfig config = session.config();
    assertEquals("/app/lib", config.workingDir());
    assertEquals("app:staff", config.user());
    assertEquals(Map.of("version", "1.0", "team name", "core"), config.labels());
    assertEquals(Set.of("80/tcp", "8000/udp", "8001/udp", "8002/udp"), config.exposedPorts());
    assertEquals(List.of("/bin/bash", "-c", "echo hi"), config.cmd());
    assertEquals("SIGINT", config.stopSignal());
    assertEquals(List.of("CMD-SHELL", "wget -q localhost"), config.healthcheck().get().test());
    assertEquals(List.of("RUN echo child"), config.onBuild());
    assertEquals(13, session.steps().size());
  }

  @Test
  void entrypoint_resetsAnInheritedCmdButKeepsOneSetInTheStage() {
    session.apply("FROM scratch AS base\nCMD [\"serve\"]\nFROM base\nENTRYPOINT [\"app\"]");
    assertEquals(List.of("app"), session.config().entrypoint());
    assertEquals(List.of(), session.config().cmd());
    session.apply("FROM scratch\nCMD [\"serve\"]\nENTRYPOINT [\"app\"]");
    assertEquals(List.of("serve"), session.config().cmd());
  }

  @Test
  void arg_globalValuesReachFromAndRedeclaredArgsOnly() {
    session.setBuildArg("TAG", "from-cli");
    session.apply(
        "ARG BASE=base\nARG TAG=default\nFROM scratch AS base\nFROM ${BASE}\nARG TAG\nENV SEEN=$TAG OTHER=$BASE");
    assertEquals(List.of("SEEN=from-cli", "OTHER="), session.config().env());
  }

  @Test
  void platformArgs_usableInFromAndOnceRedeclaredInAStage() {
    session.apply(
        "FROM --platform=$BUILDPLATFORM scratch\nARG TARGETPLATFORM\nARG BUILDOS\n"
            + "ENV P=$TARGETPLATFORM O=$BUILDOS A=$TARGETARCH");
    assertEquals("linux/amd64", session.current().platform().toString());
    assertEquals(List.of("P=linux/amd64", "O=linux", "A="), session.config().env());
  }

  @Test
  void arg_isVisibleToRunButNotStoredAndEnvWins() {
    session.apply("FROM scratch\nARG V=1\nARG SHADOW=arg\nENV SHADOW=env\nRUN build");
    List<String> env = sandbox.requests.get(0).environment();
    assertTrue(env.contains("V=1"), env.toString());
    assertTrue(env.contains("SHADOW=env"), env.toString());
    assertFalse(session.config().env().stream().anyMatch(e -> e.startsWith("V=")));
  }

  @Test
  void run_emitsOutputLayerAndCompletion() {
    session.apply("FROM scratch");
    List<SessionEvent> events = session.apply("RUN make all");
    assertEquals(
        List.of("StepStarted", "OutputChunk", "LayerCommitted", "StepCompleted"), kinds(events));
    assertEquals("ran make all\n", ((OutputChunk) events.get(1)).text());
    assertEquals(List.of("/bin/sh", "-c", "make all"), sandbox.requests.get(0).argv());
    assertEquals(1, session.current().layers().size());
    assertTrue(Files.exists(session.current().layers().get(0).directory().resolve("step-1")));
  }

  @Test
  void run_failing_leavesTheSessionOnItsLastGoodStep() {
    session.apply("FROM scratch\nENV A=1");
    ImageState before = session.current();
    sandbox.exitCode = 2;
    List<SessionEvent> events = session.apply("RUN false\nENV B=2");
    assertEquals(List.of("StepStarted", "OutputChunk", "StepFailed"), kinds(events));
    Failure failure = ((StepFailed) events.get(2)).failure();
    assertEquals(Failure.Kind.COMMAND_FAILED, failure.kind());
    assertEquals(2, failure.exitCode().getAsInt());
    assertTrue(failure.detail().contains("ran false"), failure.detail());
    assertEquals(before, session.current());
    assertTrue(Files.exists(session.failedLayer().get().resolve("step-1")));
    session.apply("ENV C=3");
    assertTrue(session.failedLayer().isEmpty());
  }

  @Test
  void run_again_comesFromTheCacheWithoutRunning() {
    session.apply("FROM scratch\nRUN build");
    session.undo(1);
    List<SessionEvent> events = session.apply("RUN build");
    StepCompleted completed = (StepCompleted) events.get(events.size() - 1);
    assertTrue(completed.cache().hit());
    assertEquals(1, sandbox.requests.size());
  }

  @Test
  void run_afterAnArgChanged_missesAndSaysWhy() {
    session.apply("FROM scratch\nARG V=1\nRUN build");
    session.undo(2);
    List<SessionEvent> events = session.apply("ARG V=2\nRUN build");
    StepCompleted completed = (StepCompleted) events.get(events.size() - 1);
    assertFalse(completed.cache().hit());
    assertEquals("ARG V changed", completed.cache().reason());
  }

  @Test
  void run_withCacheOff_alwaysRuns() {
    session.setCacheEnabled(false);
    session.apply("FROM scratch\nRUN build");
    session.undo(1);
    List<SessionEvent> events = session.apply("RUN build");
    assertEquals(
        "the cache is off", ((StepCompleted) events.get(events.size() - 1)).cache().reason());
    assertEquals(2, sandbox.requests.size());
  }

  @Test
  void undoRedoGoto_moveBetweenSnapshots() {
    session.apply("FROM scratch\nENV A=1\nENV A=2\nENV A=3");
    assertEquals(List.of("StepUndone", "StepUndone"), kinds(session.undo(2)));
    assertEquals(List.of("A=1"), session.config().env());
    assertEquals(List.of("StepRedone"), kinds(session.redo(1)));
    assertEquals(List.of("A=2"), session.config().env());
    session.goTo(4);
    assertEquals(List.of("A=3"), session.config().env());
    session.goTo(1);
    assertEquals(List.of(), session.config().env());
    assertEquals(4, session.steps().size());
    assertEquals(1, session.steps().stream().filter(StepInfo::live).count());
    session.reset();
    assertFalse(session.current().inStage());
    assertThrows(IllegalArgumentException.class, () -> session.goTo(9));
  }

  @Test
  void apply_afterUndo_dropsTheRedoableSteps() {
    session.apply("FROM scratch\nENV A=1\nENV A=2");
    session.undo(1);
    session.apply("ENV B=1");
    assertEquals(3, session.steps().size());
    assertTrue(session.redo(1).isEmpty());
    assertEquals(List.of("A=1", "B=1"), session.config().env());
  }

  @Test
  void unknownInstruction_isRejectedWithASuggestion() {
    session.apply("FROM scratch");
    List<SessionEvent> events = session.apply("CPOY a b");
    StepRejected rejected = (StepRejected) events.get(0);
    assertEquals(
        "unknown instruction: CPOY (did you mean COPY?)", rejected.diagnostics().get(0).message());
    assertEquals(List.of("COPY"), rejected.diagnostics().get(0).suggestions());
    assertEquals(1, session.steps().size());
  }

  @Test
  void expansionError_isRejectedBeforeTheStepStarts() {
    session.apply("FROM scratch");
    List<SessionEvent> events = session.apply("ENV A=${MISSING:?must be set}");
    assertEquals(List.of("StepRejected"), kinds(events));
  }

  @Test
  void badPort_isRejected() {
    session.apply("FROM scratch");
    List<SessionEvent> events = session.apply("EXPOSE 99999");
    assertEquals(List.of("StepRejected"), kinds(events));
    assertEquals(1, session.steps().size());
  }

  @Test
  void from_unknownImage_failsWithTheImageSourcesMessage() {
    List<SessionEvent> events = session.apply("FROM nosuch:1");
    StepFailed failed = (StepFailed) events.get(events.size() - 1);
    assertEquals(Failure.Kind.IMAGE_UNAVAILABLE, failed.failure().kind());
    assertEquals("image nosuch:1 not found; check the name and tag", failed.failure().message());
  }

  @Test
  void from_earlierStage_inheritsItsConfigAndLayers() {
    session.apply("FROM scratch AS build\nENV STAGE=build\nRUN compile\nFROM build\nENV NEXT=1");
    assertEquals(List.of("STAGE=build", "NEXT=1"), session.config().env());
    assertEquals(1, session.current().layers().size());
    assertEquals(1, session.current().stages().size());
  }

  @Test
  void from_baseWithOnbuildTriggers_runsThemInTheNewStage() {
    session.apply("FROM scratch AS base\nONBUILD ENV FROM_TRIGGER=1\nONBUILD RUN make");
    assertEquals(List.of("ENV FROM_TRIGGER=1", "RUN make"), session.config().onBuild());
    List<SessionEvent> events = session.apply("FROM base");
    assertEquals(
        List.of("StepStarted", "OutputChunk", "LayerCommitted", "ConfigChanged", "StepCompleted"),
        kinds(events));
    assertEquals(List.of("FROM_TRIGGER=1"), session.config().env());
    assertEquals(List.of(), session.config().onBuild());
    assertEquals(List.of("/bin/sh", "-c", "make"), sandbox.requests.get(0).argv());
  }

  @Test
  void from_failingOnbuildTrigger_failsTheFrom() {
    session.apply("FROM scratch AS base\nONBUILD RUN make");
    sandbox.exitCode = 1;
    List<SessionEvent> events = session.apply("FROM base");
    assertEquals(List.of("StepStarted", "OutputChunk", "StepFailed"), kinds(events));
    assertEquals(2, session.steps().size());
  }

  @Test
  void stop_isHarmlessWhenNothingRuns() {
    session.stop();
    assertEquals(List.of("StepStarted", "StepCompleted"), kinds(session.apply("FROM scratch")));
  }
}
