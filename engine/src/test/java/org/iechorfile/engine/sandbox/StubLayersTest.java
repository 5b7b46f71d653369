package org.iechorfile.engine.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StubLayersTest {

  @TempDir Path layers;

  private static StubLayers.Tree tree(String... entries) {
    StubLayers.Tree tree = new StubLayers.Tree();
    for (String entry : entries) {
      tree.add(entry.replaceAll("/$", ""), entry.endsWith("/"));
    }
    return tree;
  }

  @Test
  void layer_holdsTheMountPointsAndTheDirectoriesAboveThem() throws IOException {
    String name = StubLayers.in(layers).layer(tree("proc/", "etc/hosts", "app/src/"));
    Path stub = layers.resolve(name);
    assertTrue(name.startsWith(".sandbox/stubs/"), name);
    assertTrue(Files.isDirectory(stub.resolve("proc")));
    assertTrue(Files.isRegularFile(stub.resolve("etc/hosts")));
    assertEquals(0, Files.size(stub.resolve("etc/hosts")));
    assertTrue(Files.isDirectory(stub.resolve("app/src")));
    try (Stream<Path> top = Files.list(stub)) {
      assertEquals(
          List.of("app", "etc", "proc"),
          top.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void layer_sameMountPoints_isMadeOnceAndShared() throws IOException {
    StubLayers stubs = StubLayers.in(layers);
    String first = stubs.layer(tree("proc/", "etc/hosts"));
    Path marker = layers.resolve(first).resolve("proc");
    long made = Files.getLastModifiedTime(marker).toMillis();
    assertEquals(first, stubs.layer(tree("etc/hosts", "proc/", "etc/")));
    assertEquals(made, Files.getLastModifiedTime(marker).toMillis());
  }

  @Test
  void layer_otherMountPoints_isAnotherLayer() throws IOException {
    StubLayers stubs = StubLayers.in(layers);
    assertNotEquals(stubs.layer(tree("proc/")), stubs.layer(tree("proc/", "sys/")));
    // A file and a directory of the same name differ too.
    assertNotEquals(stubs.layer(tree("data")), stubs.layer(tree("data/")));
  }

  @Test
  void make_whereAnotherRunPutTheLayerFirst_keepsThatOneAndLeavesNothingBehind()
      throws IOException {
    StubLayers stubs = StubLayers.in(layers);
    StubLayers.Tree tree = tree("proc/", "etc/hosts");
    Path stub = layers.resolve(stubs.layer(tree));
    long made = Files.getLastModifiedTime(stub.resolve("proc")).toMillis();
    // The rename of a run that lost the race: the place is taken by then.
    StubLayers.make(stub, tree);
    assertEquals(made, Files.getLastModifiedTime(stub.resolve("proc")).toMillis());
    try (Stream<Path> left = Files.list(stub.getParent())) {
      assertEquals(List.of(stub), left.toList());
    }
  }

  @Test
  void layer_madeByManyRunsAtOnce_isOneCompleteLayer() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 40; round++) {
        StubLayers.Tree tree = tree("proc/", "dev/", "x/y/z", "round-" + round + "/");
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<String>> names = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          names.add(
              pool.submit(
                  () -> {
                    start.await();
                    return StubLayers.in(layers).layer(tree);
                  }));
        }
        String name = names.get(0).get();
        for (Future<String> other : names) {
          assertEquals(name, other.get());
        }
        assertTrue(Files.isRegularFile(layers.resolve(name).resolve("x/y/z")));
      }
      try (Stream<Path> stubs = Files.list(layers.resolve(".sandbox/stubs"))) {
        assertEquals(40, stubs.count(), "no half-made layers are left");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
