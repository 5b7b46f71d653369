package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.images.ImageLibrary;
import org.iechorfile.engine.registry.CredentialSource;
import org.iechorfile.engine.sandbox.LinuxSandbox;
import org.iechorfile.engine.store.Store;
import org.iechorfile.engine.tar.OverlayNamespace;
import org.iechorfile.engine.testing.DebianMinbase;
import org.iechorfile.engine.testing.RegistryExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session steps, side by side with their references: a {@code RUN true} step against the raw
 * sandbox floor and {@code buildah run}; an ENV step; undo on a Debian minbase image; a cached
 * re-run of a 20-step file.
 */
@Tag("benchmark")
class SessionBenchmark {

  private static final int RUNS = 40;

  @RegisterExtension static final RegistryExtension REGISTRY = RegistryExtension.open();

  @TempDir Path dir;

  @Test
  void steps_againstTheirReferences() throws Exception {
    REGISTRY.pushBusybox(CredentialSource.ANONYMOUS);
    DebianMinbase.image()
        .pushTo(
            REGISTRY.client(CredentialSource.ANONYMOUS),
            REGISTRY.reference("library/debian:minbase"));
    Path home = Files.createDirectory(dir.resolve("home"));
    Store store = Store.open(home, OverlayNamespace.current());
    Session.Builder builder =
        Session.builder()
            .home(home)
            .sandbox(new LinuxSandbox(Clock.systemUTC()))
            .images(new StoreImages(new ImageLibrary(store, REGISTRY.hubMirrorClient()), home));
    List<String> rows = new ArrayList<>();
    try (Session session = builder.cache(false).build()) {
      completed(session.apply("FROM busybox"));
      // Alternated, so that a change in the machine's load weighs on both alike.
      double[] runAndFloor =
          alternatingMedians(
              RUNS,
              () -> completed(session.apply("RUN true")),
              () -> SandboxFloor.run(session.current(), dir));
      double run = runAndFloor[0];
      double floor = runAndFloor[1];
      double buildah = Buildah.runTrue(REGISTRY.host(), RUNS / 3);
      rows.add(row("RUN true (session step, cache off)", run, ""));
      rows.add(
          row(
              "  floor: unshare + overlay + chroot true",
              floor,
              String.format("%.2fx", run / floor)));
      rows.add(
          row(
              "  buildah run --isolation chroot true",
              buildah,
              String.format("%.2fx", run / buildah)));
      double env = median(RUNS * 10, () -> completed(session.apply("ENV A=" + System.nanoTime())));
      rows.add(row("ENV step (in-process)", env, ""));
    }
    try (Session session = builder.cache(true).build()) {
      completed(session.apply("FROM debian:minbase"));
      completed(session.apply("RUN echo changed > /etc/motd"));
      double undo =
          median(
                  RUNS,
                  () -> {
                    session.undo(1);
                    session.redo(1);
                  })
              / 2;
      rows.add(row("undo on Debian minbase (6,000+ files)", undo, ""));
    }
    try (Session session = builder.cache(true).build()) {
      StringBuilder file = new StringBuilder("FROM busybox\n");
      for (int i = 0; i < 19; i++) {
        file.append(
            i % 2 == 0 ? "RUN echo " + i + " > /f" + i + "\n" : "ENV V" + i + "=" + i + "\n");
      }
      completed(session.apply(file.toString()));
      double cached =
          median(
              5,
              () -> {
                session.reset();
                List<SessionEvent> events = session.apply(file.toString());
                completed(events);
                assertTrue(
                    events.stream()
                        .filter(e -> e instanceof StepCompleted c && c.source().startsWith("RUN"))
                        .allMatch(e -> ((StepCompleted) e).cache().hit()));
              });
      rows.add(row("cached re-run of a 20-step file", cached, ""));
    }
    System.out.println();
    System.out.println("Session steps (median)");
    rows.forEach(System.out::println);
  }

  private static String row(String what, double millis, String ratio) {
    return String.format("  %-44s %9.2f ms  %s", what, millis, ratio);
  }

  private static void completed(List<SessionEvent> events) {
    assertTrue(events.get(events.size() - 1) instanceof StepCompleted, events.toString());
  }

  interface Action {
    void run() throws Exception;
  }

  /** The medians of {@code first} and {@code second}, timed one after the other in each round. */
  static double[] alternatingMedians(int runs, Action first, Action second) throws Exception {
    for (int i = 0; i < Math.min(5, runs); i++) {
      first.run();
      second.run();
    }
    double[] firstTimes = new double[runs];
    double[] secondTimes = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      first.run();
      long between = System.nanoTime();
      second.run();
      firstTimes[i] = (between - start) / 1e6;
      secondTimes[i] = (System.nanoTime() - between) / 1e6;
    }
    Arrays.sort(firstTimes);
    Arrays.sort(secondTimes);
    return new double[] {firstTimes[runs / 2], secondTimes[runs / 2]};
  }

  static double median(int runs, Action action) throws Exception {
    for (int i = 0; i < Math.min(5, runs); i++) {
      action.run();
    }
    double[] times = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      action.run();
      times[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(times);
    return times[runs / 2];
  }
}
