package org.iechorfile.engine.instruction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupportTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "1ns, 1",
    "1.5s, 1500000000",
    "2h45m, 9900000000000",
    "300ms, 300000000",
    "-1.5h, -5400000000000",
    "+10us, 10000",
    "1\u00b5s, 1000",
  })
  void parse_goDuration_matchesGo(String text, long nanos) throws InstructionException {
    assertEquals(Duration.ofNanos(nanos), GoDuration.parse(text));
  }

  @Test
  void parse_goDurationEmpty_isInvalid() {
    assertEquals(
        "time: invalid duration \"\"",
        assertThrows(InstructionException.class, () -> GoDuration.parse("")).getMessage());
    assertEquals(
        "time: invalid duration \"1..2s\"",
        assertThrows(InstructionException.class, () -> GoDuration.parse("1..2s")).getMessage());
  }

  @Test
  void closest_transposedLetters_countOnce() {
    assertEquals(List.of("COPY"), Suggestions.closest("CPOY", List.of("ADD", "COPY", "CMD")));
  }

  @Test
  void closest_shortWord_allowsOneEdit() {
    assertEquals(List.of("RUN"), Suggestions.closest("rnu", List.of("RUN", "ARG")));
    assertEquals(List.of(), Suggestions.closest("xyz", List.of("RUN", "ARG")));
  }

  @Test
  void closest_exactMatch_isNotASuggestion() {
    assertEquals(List.of(), Suggestions.closest("copy", List.of("COPY")));
  }

  @Test
  void split_csvQuotedQuote_isUnescaped() throws InstructionException {
    assertEquals(List.of("a", "b\"c", ""), CsvFields.split("a,\"b\"\"c\",", "mounts"));
  }
}
