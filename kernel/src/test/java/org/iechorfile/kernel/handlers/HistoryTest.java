package org.iechorfile.kernel.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.iechorfile.kernel.protocol.Requests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HistoryTest {

  private final History history = new History();

  @BeforeEach
  void fill() {
    history.add(1, "FROM busybox", "");
    history.add(2, "ENV A=1", "");
    history.add(3, "%env A", "A=1");
    history.add(4, "ENV A=1", "");
  }

  private List<List<Object>> answer(
      String type, int start, int stop, int n, String pattern, boolean unique, boolean output) {
    return history
        .answer(new Requests.History(output, type, 1, start, stop, n, pattern, unique))
        .history();
  }

  @Test
  void answer_tail_lastNInOrder() {
    assertEquals(
        List.of(List.of(1, 3, "%env A"), List.of(1, 4, "ENV A=1")),
        answer("tail", 0, 0, 2, "*", false, false));
  }

  @Test
  void answer_tailWithOutput_inputOutputPairs() {
    assertEquals(
        List.of(List.of(1, 3, List.of("%env A", "A=1"))),
        answer("range", 3, 4, 0, "*", false, true));
  }

  @Test
  void answer_range_stopExclusive() {
    assertEquals(2, answer("range", 2, 4, 0, "*", false, false).size());
  }

  @Test
  void answer_searchGlob_matchesWholeInput() {
    assertEquals(2, answer("search", 0, 0, 10, "ENV*", false, false).size());
    assertEquals(1, answer("search", 0, 0, 10, "ENV*", true, false).size());
    assertEquals(1, answer("search", 0, 0, 10, "%env ?", false, false).size());
    assertEquals(0, answer("search", 0, 0, 10, "ENV", false, false).size());
  }

  @Test
  void answer_searchN_lastMatches() {
    assertEquals(List.of(List.of(1, 4, "ENV A=1")), answer("search", 0, 0, 1, "*", false, false));
  }
}
