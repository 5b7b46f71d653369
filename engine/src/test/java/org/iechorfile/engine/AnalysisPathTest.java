package org.iechorfile.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnalysisPathTest {

  private final Analysis analysis = Analysis.standalone();

  /** The path found with the cursor where {@code |} is in {@code marked}. */
  private Optional<String> pathAt(String marked) {
    int cursor = marked.codePointCount(0, marked.indexOf('|'));
    return analysis.pathAt(marked.replace("|", ""), cursor);
  }

  @Test
  void pathAt_absoluteWordInRunText_isThePathWithoutPunctuation() {
    assertEquals(Optional.of("/etc/os-release"), pathAt("RUN cat /etc/os-re|lease; ls"));
    assertEquals(Optional.of("/tmp/out"), pathAt("RUN echo hi >/tmp/out|"));
    assertEquals(Optional.of("/usr/bin"), pathAt("ENV PATH=/usr/b|in:/bin"));
  }

  @Test
  void pathAt_relativeWhereAnImagePathIsTaken_isTheWord() {
    assertEquals(Optional.of("app"), pathAt("FROM busybox\nWORKDIR ap|p"));
    assertEquals(Optional.of("dest/"), pathAt("COPY --chown=1:1 src de|st/"));
    assertEquals(Optional.of("conf.d"), pathAt("%ls -la conf|.d"));
    assertEquals(Optional.of("/etc/passwd"), pathAt("%cat /etc/pass|wd"));
  }

  @Test
  void pathAt_elsewhere_isEmpty() {
    assertEquals(Optional.empty(), pathAt("COPY sr|c dest/"));
    assertEquals(Optional.empty(), pathAt("RUN ec|ho hi"));
    assertEquals(Optional.empty(), pathAt("WORK|DIR /app"));
    assertEquals(Optional.empty(), pathAt("RUN ls $HOME/b|in"));
    assertEquals(Optional.empty(), pathAt("ADD https://example.com/a.t|gz /a"));
    assertEquals(Optional.empty(), pathAt("%ls -l|a"));
    assertEquals(Optional.empty(), pathAt("RUN ls /a |"));
  }

  @Test
  void pathAt_cursorBeyondTheInput_isClamped() {
    assertEquals(Optional.of("/srv"), analysis.pathAt("WORKDIR /srv", 99));
    assertEquals(Optional.empty(), analysis.pathAt("", -3));
  }
}
