package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.StepFailed;
import org.iechorfile.engine.image.ImageConfig;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.spi.SandboxMount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code RUN --mount=type=bind,from=…}: planning the mount of an earlier stage or an image. */
class RunMountsFromStageTest {

  @TempDir Path home;
  @TempDir Path context;

  private final FakeSandbox sandbox = new FakeSandbox();
  private Session session;
  private LayerRef imageLayer;

  @BeforeEach
  void open() throws Exception {
    Path src = Files.createDirectories(context.resolve("src/lib"));
    Files.writeString(src.resolve("a.txt"), "a");
    Files.createSymbolicLink(context.resolve("src/current"), Path.of("lib"));
    Path imageRoot = Files.createDirectories(home.resolve("image-layer/opt/tool"));
    Files.writeString(imageRoot.resolve("run"), "tool");
    imageLayer = new StepLayers(home).external("image-layer", home.resolve("image-layer"));
    BaseImages.Image tools =
        new BaseImages.Image(
            "registry.test/tools:1", ImageConfig.empty(Platform.LINUX_AMD64), List.of(imageLayer));
    session =
        Session.builder()
            .home(home)
            .sandbox(sandbox)
            .images(new FixedImages(Map.of("registry.test/tools:1", tools)))
            .context(context)
            .build();
    completed(session.apply("FROM scratch AS build\nCOPY src /src\nRUN make"));
    completed(session.apply("FROM scratch AS app"));
  }

  @AfterEach
  void close() {
    session.close();
  }

  private static StepCompleted completed(List<SessionEvent> events) {
    SessionEvent last = events.get(events.size() - 1);
    assertTrue(last instanceof StepCompleted, events.toString());
    return (StepCompleted) last;
  }

  private static Failure failed(List<SessionEvent> events) {
    SessionEvent last = events.get(events.size() - 1);
    assertTrue(last instanceof StepFailed, events.toString());
    return ((StepFailed) last).failure();
  }

  private SandboxMount.LayerBind lastMount() {
    List<SandboxMount> mounts = sandbox.requests.get(sandbox.requests.size() - 1).mounts();
    assertEquals(1, mounts.size(), mounts.toString());
    return (SandboxMount.LayerBind) mounts.get(0);
  }

  private List<String> buildLayersTopmostFirst() {
    List<LayerRef> layers = session.current().stage("build").orElseThrow().state().layers();
    List<String> names = new ArrayList<>();
    for (int i = layers.size() - 1; i >= 0; i--) {
      names.add(layers.get(i).shortName());
    }
    return names;
  }

  @Test
  void run_fromStageByName_mountsItsLayersReadOnlyAtTheTarget() {
    completed(session.apply("RUN --mount=type=bind,from=build,target=/b cat /b/src/lib/a.txt"));
    assertEquals(
        new SandboxMount.LayerBind(buildLayersTopmostFirst(), "/", "/b", true), lastMount());
  }

  @Test
  void run_fromStageByIndexWithRw_mountsItWritable() {
    completed(session.apply("RUN --mount=type=bind,from=0,target=b,rw touch b/x"));
    assertEquals(
        new SandboxMount.LayerBind(buildLayersTopmostFirst(), "/", "/b", false), lastMount());
  }

  @Test
  void run_withSource_mountsThatPathWithLinksFollowedInsideTheStage() {
    completed(
        session.apply("RUN --mount=type=bind,from=build,source=src/current,target=/lib ls /lib"));
    assertEquals(
        new SandboxMount.LayerBind(buildLayersTopmostFirst(), "/src/lib", "/lib", true),
        lastMount());
  }

  @Test
  void run_fromImage_pullsItAndMountsItsLayers() {
    List<SessionEvent> events =
        session.apply(
            "RUN --mount=type=bind,from=registry.test/tools:1,source=/opt/tool,target=/t /t/run");
    completed(events);
    assertTrue(events.stream().anyMatch(e -> e instanceof org.iechorfile.engine.PullProgress));
    assertEquals(
        new SandboxMount.LayerBind(List.of(imageLayer.shortName()), "/opt/tool", "/t", true),
        lastMount());
  }

  @Test
  void run_missingSource_failsNamingThePathAndKeepsTheSession() {
    ImageState before = session.current();
    int requests = sandbox.requests.size();
    Failure failure =
        failed(session.apply("RUN --mount=type=bind,from=build,source=/nope,target=/b true"));
    assertEquals(Failure.Kind.MISSING_FILE, failure.kind());
    assertEquals(
        "RUN --mount=from=build: the source /nope does not exist in stage build; check the path"
            + " (source= is relative to the root of stage build)",
        failure.message());
    assertEquals(before, session.current());
    assertEquals(requests, sandbox.requests.size());
  }

  @Test
  void run_unknownStageThatIsNoImage_failsAsAnUnavailableImage() {
    ImageState before = session.current();
    Failure failure = failed(session.apply("RUN --mount=type=bind,from=biuld,target=/b true"));
    assertEquals(Failure.Kind.IMAGE_UNAVAILABLE, failure.kind());
    assertEquals(
        "RUN --mount=from=biuld is neither an earlier stage nor an image: image biuld not found;"
            + " check the name and tag",
        failure.message());
    assertEquals(before, session.current());
  }

  @Test
  void run_stageIndexThatDoesNotExist_fails() {
    Failure failure = failed(session.apply("RUN --mount=type=bind,from=7,target=/b true"));
    assertEquals(
        "RUN --mount=from=7: there is no earlier stage with that index; %steps lists the stages",
        failure.message());
  }

  @Test
  void run_fromTheCurrentStage_fails() {
    Failure failure = failed(session.apply("RUN --mount=type=bind,from=app,target=/b true"));
    assertTrue(failure.message().contains("names the stage being built"), failure.message());
  }

  @Test
  void run_sameStageAgain_comesFromTheCache() {
    String run = "RUN --mount=type=bind,from=build,target=/b use";
    completed(session.apply(run));
    session.undo(1);
    assertTrue(completed(session.apply(run)).cache().hit());
  }

  @Test
  void run_afterTheMountedStageChanged_missesTheCacheAndSaysWhy() {
    String app = "FROM scratch AS app\nENV APP=1\nRUN --mount=type=bind,from=build,target=/b use";
    completed(session.apply(app));
    session.reset();
    completed(session.apply("FROM scratch AS build\nCOPY src /src\nRUN make differently"));
    StepCompleted again = completed(session.apply(app));
    assertFalse(again.cache().hit());
    assertEquals("the mounted build changed", again.cache().reason());
  }

  @Test
  void run_contextBindWithoutFrom_staysAPlainBind() {
    completed(session.apply("RUN --mount=type=bind,source=src,target=/src ls /src"));
    List<SandboxMount> mounts = sandbox.requests.get(sandbox.requests.size() - 1).mounts();
    assertEquals(List.of(new SandboxMount.Bind(context.resolve("src"), "/src", true)), mounts);
  }
}
