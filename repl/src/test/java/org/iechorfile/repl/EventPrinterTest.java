package org.iechorfile.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.iechorfile.engine.ByteSizes;
import org.iechorfile.engine.CacheOutcome;
import org.iechorfile.engine.ChangeCard;
import org.junit.jupiter.api.Test;

class EventPrinterTest {

  @Test
  void filesLine_namesCountsAndTheBiggestPaths() {
    ChangeCard card =
        new ChangeCard(
            3,
            1,
            0,
            5000,
            0,
            List.of(
                new ChangeCard.PathSize("/app/big", 4000),
                new ChangeCard.PathSize("/app/small", 1000)),
            List.of(),
            Duration.ofMillis(5),
            new CacheOutcome(false, "first run"));
    assertEquals(
        "files: +3 ~1 -0; biggest /app/big "
            + ByteSizes.format(4000)
            + ", /app/small "
            + ByteSizes.format(1000),
        EventPrinter.filesLine(card));
  }

  @Test
  void filesLine_noBiggestPaths_justTheCounts() {
    ChangeCard card =
        new ChangeCard(
            0, 0, 2, 0, 10, List.of(), List.of(), Duration.ZERO, new CacheOutcome(true, "hit"));
    assertEquals("files: +0 ~0 -2", EventPrinter.filesLine(card));
  }
}
