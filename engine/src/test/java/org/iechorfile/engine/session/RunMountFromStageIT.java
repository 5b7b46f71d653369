package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepFailed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code RUN --mount=type=bind,from=STAGE} with the real sandbox on a busybox layer. */
@Timeout(120)
class RunMountFromStageIT {

  @TempDir Path home;

  private Session session;

  @BeforeEach
  void open() throws Exception {
    session = SandboxSessions.builder(home).build();
    run("FROM busybox AS build");
    run("RUN mkdir -p /out/sub && echo built > /out/artifact && echo deep > /out/sub/file");
    run("FROM busybox");
  }

  @AfterEach
  void close() {
    session.close();
  }

  private String run(String instruction) {
    return SandboxSessions.completed(session, instruction);
  }

  private Path newestLayer() {
    List<LayerRef> layers = session.current().layers();
    return layers.get(layers.size() - 1).directory();
  }

  private static List<String> files(List<LayerRef> layers) throws IOException {
    List<String> all = new java.util.ArrayList<>();
    for (LayerRef layer : layers) {
      try (Stream<Path> walk = Files.walk(layer.directory())) {
        walk.map(p -> layer.directory().relativize(p).toString()).forEach(all::add);
      }
    }
    return all;
  }

  @Test
  void run_fromStage_readsItsFilesAtTheTarget() {
    assertEquals(
        "built\n", run("RUN --mount=type=bind,from=build,target=/mnt cat /mnt/out/artifact"));
  }

  @Test
  void run_fromStageWithoutRw_refusesWrites() {
    ImageState before = session.current();
    List<SessionEvent> events =
        session.apply("RUN --mount=type=bind,from=build,target=/mnt touch /mnt/out/x");
    SessionEvent last = events.get(events.size() - 1);
    assertTrue(last instanceof StepFailed, events.toString());
    assertEquals(Failure.Kind.COMMAND_FAILED, ((StepFailed) last).failure().kind());
    assertTrue(
        SandboxSessions.output(events).contains("Read-only file system"),
        SandboxSessions.output(events));
    assertEquals(before, session.current());
  }

  @Test
  void run_fromStageWithRw_writesSucceedButAreThrownAway() throws IOException {
    assertEquals(
        "new\n",
        run(
            "RUN --mount=type=bind,from=build,target=/mnt,rw"
                + " echo new > /mnt/out/new && rm /mnt/out/artifact && cat /mnt/out/new"));
    Path layer = newestLayer();
    try (Stream<Path> walk = Files.walk(layer)) {
      assertEquals(List.of(layer), walk.toList(), "the step's layer stays empty");
    }
    List<LayerRef> stage = session.current().stage("build").orElseThrow().state().layers();
    assertFalse(files(stage).contains("out/new"));
    assertTrue(files(stage).contains("out/artifact"));
    assertEquals(
        "built\n",
        run(
            "RUN --mount=type=bind,from=build,target=/mnt"
                + " test ! -e /mnt/out/new && cat /mnt/out/artifact"));
  }

  @Test
  void run_withSource_mountsThatDirectoryOrFile() {
    assertEquals(
        "deep\n",
        run("RUN --mount=type=bind,from=build,source=/out/sub,target=/sub cat /sub/file"));
    assertEquals(
        "built\n",
        run("RUN --mount=type=bind,from=build,source=out/artifact,target=/a/f cat /a/f"));
  }
}
