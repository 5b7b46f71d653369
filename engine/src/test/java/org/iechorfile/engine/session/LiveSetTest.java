package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveSetTest {

  @TempDir Path home;

  private LiveSet live;

  @BeforeEach
  void open() throws IOException {
    live = LiveSet.open(home);
  }

  @AfterEach
  void close() throws IOException {
    live.close();
  }

  private List<String> published() throws IOException {
    try (Stream<Path> files = Files.list(LiveSet.directory(home))) {
      Path list = files.filter(f -> f.toString().endsWith(LiveSet.LIST)).findFirst().orElseThrow();
      return Files.readAllLines(list);
    }
  }

  @Test
  void hold_addsTheLayerToThePublishedList() throws IOException {
    live.hold("a");
    live.hold("b");
    live.hold("a");
    assertEquals(List.of("a", "b"), published());
  }

  @Test
  void retain_growingList_keepsEveryLayerOnce() throws IOException {
    live.hold("a");
    live.retain(List.of("a"));
    live.hold("b");
    live.retain(List.of("a", "b"));
    live.retain(List.of("a", "b", "c"));
    assertEquals(List.of("a", "b", "c"), published());
  }

  @Test
  void retain_withoutSomeLayers_publishesOnlyThoseLeft() throws IOException {
    live.hold("a");
    live.hold("b");
    live.retain(List.of("a", "b"));
    live.retain(List.of("b"));
    assertEquals(List.of("b"), published());
    live.hold("c");
    assertEquals(List.of("b", "c"), published());
  }
}
