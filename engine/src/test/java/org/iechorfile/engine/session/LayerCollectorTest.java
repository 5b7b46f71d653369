package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iechorfile.engine.LayerCommitted;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.ImageConfig;
import org.iechorfile.engine.image.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class LayerCollectorTest {

  @TempDir Path home;

  private final FakeSandbox sandbox = new FakeSandbox();
  private final List<Session> sessions = new ArrayList<>();

  @AfterEach
  void closeSessions() {
    sessions.forEach(Session::close);
  }

  private Session open(boolean cache) {
    Session session =
        Session.builder()
            .home(home)
            .sandbox(sandbox)
            .images(new FixedImages(Map.of()))
            .cache(cache)
            .build();
    sessions.add(session);
    return session;
  }

  private LayerCollection collect(Pruning pruning) throws IOException {
    return new LayerCollector(home).collect(pruning);
  }

  private static Pruning unreachable() {
    return Pruning.unreachable(Duration.ZERO);
  }

  /** The id of the layer the last step of {@code source} committed. */
  private static String layer(Session session, String source) {
    String id = "";
    for (SessionEvent event : session.apply(source)) {
      if (event instanceof LayerCommitted committed) {
        id = committed.layer();
      }
    }
    assertFalse(id.isEmpty(), source + " committed no layer");
    return id;
  }

  private Set<String> layerDirectories() throws IOException {
    try (Stream<Path> list = Files.list(home.resolve("session/layers"))) {
      return list.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private List<String> names(String directory) throws IOException {
    try (Stream<Path> list = Files.list(home.resolve(directory))) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void collect_afterUndoAndANewStep_keepsOnlyReachableLayers() throws IOException {
    Session session = open(false);
    session.apply("FROM scratch");
    String first = layer(session, "RUN first");
    String undone = layer(session, "RUN undone");
    session.undo(1);

    assertEquals(new LayerCollection(0, 0, 0, 0, 0, 0, 1, 0), collect(unreachable()));
    assertEquals(Set.of(first, undone), layerDirectories());

    String next = layer(session, "RUN next");
    assertEquals(new LayerCollection(1, 1, 0, 0, 0, 0, 1, 0), collect(unreachable()));
    assertEquals(Set.of(first, next), layerDirectories());
    assertFalse(Files.exists(home.resolve("session/layers").resolve(undone + ".link")));
    assertEquals(2, names("session/l").size(), "one short link per remaining layer");
  }

  @Test
  void collect_layersOfAnotherOpenSession_areKept() throws IOException {
    Session other = open(false);
    other.apply("FROM scratch");
    String kept = layer(other, "RUN elsewhere");
    String stage = layer(other, "RUN stage\nFROM scratch AS second");
    Session mine = open(false);
    mine.apply("FROM scratch");
    String own = layer(mine, "RUN here");

    assertEquals(new LayerCollection(0, 0, 0, 0, 0, 0, 2, 0), collect(unreachable()));
    assertEquals(Set.of(kept, stage, own), layerDirectories());
    other.close();
    assertEquals(Set.of(own), layerDirectories(), "closing removes what nothing else keeps");
  }

  @Test
  void close_withoutCache_leavesNothingBehind() throws IOException {
    Session session = open(false);
    session.apply("FROM scratch\nRUN one\nRUN two");
    session.undo(1);
    session.apply("RUN three");
    session.close();

    assertEquals(Set.of(), layerDirectories());
    assertEquals(List.of(), names("session/l"));
    assertEquals(List.of(), names("session/live"));
    assertEquals(List.of(), names("session/drafts"));
    assertEquals(List.of(), names("session/layers"));
  }

  @Test
  void close_layerAnotherOpenSessionReused_staysUntilThatOneCloses() throws IOException {
    Session first = open(true);
    String shared = layer(first, "FROM scratch\nRUN shared");
    Session second = open(true);
    assertEquals(shared, layer(second, "FROM scratch\nRUN shared"));
    first.clearCache();

    first.close();
    assertEquals(Set.of(shared), layerDirectories());
    second.close();
    assertEquals(Set.of(), layerDirectories());
  }

  @Test
  void collect_cachedLayers_stayUntilTheCacheIsDropped() throws IOException {
    Session session = open(true);
    String cached = layer(session, "FROM scratch\nRUN cached");
    session.close();

    assertEquals(Set.of(cached), layerDirectories());
    assertEquals(new LayerCollection(0, 0, 0, 0, 0, 0, 0, 0), collect(unreachable()));
    assertEquals(Set.of(cached), layerDirectories());

    LayerCollection dropped = collect(new Pruning(true, Pruning.NO_LIMIT, Duration.ZERO));
    assertEquals(new LayerCollection(1, 1, 1, 0, 0, 0, 0, 0), dropped);
    assertEquals(Set.of(), layerDirectories());
    assertEquals(List.of(), names("session/cache"));
  }

  @Test
  void collect_dropCacheWithNoSessionOpen_removesTheCacheMounts() throws IOException {
    Path mount = Files.createDirectories(home.resolve("session/mounts/cache/0123abcd/apt"));
    Files.writeString(mount.resolve("lists"), "packages");

    LayerCollection kept = collect(unreachable());
    LayerCollection dropped = collect(new Pruning(true, Pruning.NO_LIMIT, Duration.ZERO));

    assertEquals(0, kept.cacheMountsRemoved());
    assertEquals(1, dropped.cacheMountsRemoved());
    assertEquals(List.of(), names("session/mounts/cache"));
  }

  @Test
  void collect_dropCacheWithASessionOpen_removesTheCacheMountsNoStepHasMounted()
      throws IOException {
    Files.createDirectories(home.resolve("session/mounts/cache/0123abcd"));
    Session session = open(true);
    layer(session, "FROM scratch\nRUN live");

    LayerCollection dropped = collect(new Pruning(true, Pruning.NO_LIMIT, Duration.ZERO));

    assertEquals(1, dropped.cacheMountsRemoved());
    assertEquals(0, dropped.cacheMountsInUse());
    assertEquals(1, dropped.openSessions());
    assertEquals(List.of(), names("session/mounts/cache"));
  }

  @Test
  void collect_dropCache_keepsTheCacheMountsRunningStepsHaveMounted() throws IOException {
    Path busy = Files.createDirectories(home.resolve("session/mounts/cache/busy"));
    Path idle = Files.createDirectories(home.resolve("session/mounts/cache/idle"));
    Files.writeString(busy.resolve("lists"), "packages");
    try (CacheMountUse use =
        CacheMountUse.tryUse(busy, org.iechorfile.engine.instruction.CacheSharing.SHARED)
            .orElseThrow()) {
      LayerCollection dropped = collect(new Pruning(true, Pruning.NO_LIMIT, Duration.ZERO));
      assertEquals(1, dropped.cacheMountsRemoved());
      assertEquals(1, dropped.cacheMountsInUse());
      assertEquals("packages", Files.readString(busy.resolve("lists")));
      assertFalse(Files.exists(idle));
      assertEquals(busy, use.directory());
    }
    LayerCollection after = collect(new Pruning(true, Pruning.NO_LIMIT, Duration.ZERO));
    assertEquals(1, after.cacheMountsRemoved());
    assertEquals(List.of(), names("session/mounts/cache"));
  }

  @Test
  void collect_dropCache_keepsWhatOpenSessionsUse() throws IOException {
    Session session = open(true);
    String live = layer(session, "FROM scratch\nRUN live");

    assertEquals(
        new LayerCollection(0, 0, 1, 0, 0, 0, 1, 0),
        collect(new Pruning(true, Pruning.NO_LIMIT, Duration.ZERO)));
    assertEquals(Set.of(live), layerDirectories());
  }

  @Test
  void collect_keepStorage_dropsTheLeastRecentlyUsedRecords() throws IOException {
    Session session = open(true);
    session.apply("FROM scratch");
    String a = layer(session, "RUN a");
    String b = layer(session, "RUN b");
    String c = layer(session, "RUN c");
    session.close();
    Map<String, Long> ages = Map.of(a, 3000L, b, 2000L, c, 1000L);
    for (String record : names("session/cache")) {
      Path file = home.resolve("session/cache").resolve(record);
      String id = Files.readString(file).strip();
      if (ages.containsKey(id)) {
        Files.setLastModifiedTime(file, FileTime.fromMillis(ages.get(id) * 1_000_000L));
      }
    }
    Session again = open(true);
    assertEquals(a, layer(again, "FROM scratch\nRUN a"), "a hit marks a's record as used");
    again.close();

    LayerCollection report = collect(new Pruning(false, 1, Duration.ZERO));

    assertEquals(new LayerCollection(2, 2, 2, 0, 0, 0, 0, 0), report);
    assertEquals(Set.of(a), layerDirectories());
  }

  @Test
  void collect_leavesTheSandboxsStubLayersBesideTheShortLinks() throws IOException {
    Session session = open(false);
    session.apply("FROM scratch");
    layer(session, "RUN made");
    Path stub = Files.createDirectories(home.resolve("session/l/.sandbox/stubs/0123abcd/proc"));
    Path root = Files.createDirectories(home.resolve("session/l/.sandbox/root"));
    collect(new Pruning(true, 0, Duration.ZERO));
    assertTrue(Files.isDirectory(stub));
    assertTrue(Files.isDirectory(root));
  }

  @Test
  void collect_deadSessionsRecord_isClearedAndItsLayersGo() throws IOException {
    Path orphan = Files.createDirectories(home.resolve("session/layers/0123abcd/etc"));
    Files.writeString(orphan.resolve("hosts"), "12345");
    Path live = Files.createDirectories(home.resolve("session/live"));
    Files.writeString(live.resolve("gone.lock"), "");
    Files.writeString(live.resolve("gone.layers"), "0123abcd\n");

    assertEquals(new LayerCollection(1, 5, 0, 1, 0, 0, 0, 0), collect(unreachable()));
    assertEquals(List.of(), names("session/live"));
    assertEquals(Set.of(), layerDirectories());
  }

  @Test
  void collect_failedStepsDraft_staysWhileItsSessionIsOpen() throws IOException {
    Session session = open(false);
    session.apply("FROM scratch");
    sandbox.exitCode = 1;
    session.apply("RUN false");
    Path failed = session.failedLayer().orElseThrow();
    Path crashed = Files.createDirectories(home.resolve("session/drafts/crashed/upper/usr"));
    Files.writeString(crashed.resolve("left"), "behind");

    assertEquals(new LayerCollection(0, 0, 0, 0, 1, 0, 1, 0), collect(unreachable()));
    assertTrue(Files.exists(failed.resolve("step-1")));
    assertFalse(Files.exists(home.resolve("session/drafts/crashed")));

    session.close();
    assertEquals(List.of(), names("session/drafts"));
  }

  @Test
  void collect_recordsAndLinksOfRemovedLayers_areSwept() throws IOException {
    Path layers = Files.createDirectories(home.resolve("session/layers"));
    Path links = Files.createDirectories(home.resolve("session/l"));
    Files.writeString(layers.resolve("gone.link"), "abcde\n7\n");
    Files.createSymbolicLink(links.resolve("abcde"), Path.of("../layers/gone"));
    Files.createSymbolicLink(links.resolve("zzzzz"), Path.of("../layers/also-gone"));
    Path snapshot = Files.createDirectories(home.resolve("snapshots").resolve("a".repeat(64)));
    Files.writeString(layers.resolve("snapshot-" + "a".repeat(64) + ".link"), "snapa\n0\n");
    Files.createSymbolicLink(links.resolve("snapa"), links.relativize(snapshot));
    Path exports = Files.createDirectories(home.resolve("exports"));
    Files.writeString(exports.resolve("gone"), "sha256:1\n");
    Files.writeString(exports.resolve("snapshot-" + "a".repeat(64)), "sha256:2\n");

    collect(unreachable());

    assertEquals(List.of("snapshot-" + "a".repeat(64) + ".link"), names("session/layers"));
    assertEquals(List.of("snapa"), names("session/l"));
    assertEquals(List.of("snapshot-" + "a".repeat(64)), names("exports"));
  }

  @Test
  @Timeout(60)
  void collect_whileAnotherThreadAppliesSteps_neverTakesAReachableLayer() throws Exception {
    Session session = open(true);
    session.apply("FROM scratch");
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService collector = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> collections =
          collector.submit(
              () -> {
                int runs = 0;
                while (!done.get()) {
                  collect(new Pruning(runs % 2 == 0, Pruning.NO_LIMIT, Duration.ZERO));
                  runs++;
                }
                return runs;
              });
      for (int i = 0; i < 40; i++) {
        session.apply("RUN step " + (i % 10));
        if (i % 7 == 6) {
          session.undo(2);
        }
      }
      done.set(true);
      assertTrue(collections.get() > 0);
    } finally {
      collector.shutdownNow();
    }
    collect(unreachable());
    for (StepInfo step : session.steps()) {
      ImageState state = session.stateAt(step.id().number()).orElseThrow();
      for (LayerRef layer : state.layers()) {
        assertTrue(Files.isDirectory(layer.directory()), step.source() + " lost " + layer.id());
        assertTrue(
            Files.exists(home.resolve("session/l").resolve(layer.shortName())),
            step.source() + " lost the short link of " + layer.id());
      }
    }
  }

  @Test
  void run_openSessionsBaseSnapshot_isPinnedForTheStoresCollection() throws IOException {
    String hex = "b".repeat(64);
    Path snapshot = Files.createDirectories(home.resolve("snapshots").resolve(hex));
    Files.writeString(snapshot.resolve("base.txt"), "base");
    LayerRef base = new StepLayers(home).external("snapshot-" + hex, snapshot);
    Session session =
        Session.builder()
            .home(home)
            .sandbox(sandbox)
            .images(
                new FixedImages(
                    Map.of(
                        "base",
                        new BaseImages.Image(
                            "docker.io/library/base:latest",
                            ImageConfig.empty(Platform.LINUX_AMD64),
                            List.of(base)))))
            .cache(false)
            .build();
    sessions.add(session);
    session.apply("FROM base\nRUN on top");

    LayerCollector.Outcome open = new LayerCollector(home).run(unreachable());
    assertEquals(Set.of(new Digest("sha256", hex)), open.pinned());
    session.close();
    LayerCollector.Outcome closed = new LayerCollector(home).run(unreachable());

    assertEquals(Set.of(), closed.pinned());
    assertTrue(Files.exists(snapshot.resolve("base.txt")), "the store's snapshot is not ours");
    assertTrue(
        Files.exists(home.resolve("session/layers/snapshot-" + hex + ".link")),
        "the short link of a snapshot stays while the snapshot does");
    assertEquals(Set.of(), layerDirectories());
  }

  @Test
  void collect_draftWhoseLockNobodyHolds_goesAndAnUnlockedRecentOneWaitsForTheGrace()
      throws IOException {
    Path drafts = Files.createDirectories(home.resolve("session/drafts"));
    Files.createDirectories(drafts.resolve("dead/upper"));
    Files.writeString(drafts.resolve("dead.lock"), "");
    Files.createDirectories(drafts.resolve("recent/upper"));
    Files.writeString(drafts.resolve("cache123.tmp"), "half written");

    LayerCollection report = collect(Pruning.unreachable(Duration.ofHours(1)));

    assertEquals(new LayerCollection(0, 0, 0, 0, 1, 0, 0, 0), report);
    assertEquals(List.of("cache123.tmp", "recent"), names("session/drafts"));
    assertEquals(new LayerCollection(0, 0, 0, 0, 1, 0, 0, 0), collect(unreachable()));
    assertEquals(List.of(), names("session/drafts"));
  }

  @Test
  void collect_layerWithReadOnlyDirectoriesAndOtherOwners_isRemovedWhole() throws IOException {
    Path layer = home.resolve("session/layers/5eed");
    Path locked = Files.createDirectories(layer.resolve("usr/share/locked"));
    Path file = Files.writeString(locked.resolve("owned-by-app"), "app");
    Files.setAttribute(file, "unix:uid", 1000);
    Files.setAttribute(file, "unix:gid", 1000);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
    Files.setPosixFilePermissions(
        layer.resolve("usr"), PosixFilePermissions.fromString("---------"));

    assertEquals(new LayerCollection(1, 3, 0, 0, 0, 0, 0, 0), collect(unreachable()));
    assertEquals(List.of(), names("session/layers"));
  }
}
