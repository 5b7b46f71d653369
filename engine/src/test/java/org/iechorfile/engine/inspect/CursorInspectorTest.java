package org.iechorfile.engine.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.images.ImageUnavailable;
import org.iechorfile.engine.session.BaseImages;
import org.iechorfile.engine.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CursorInspectorTest {

  @TempDir Path home;
  private Session session;
  private CursorInspector inspector;

  @BeforeEach
  void open() {
    BaseImages none =
        (reference, platform, progress) -> {
          throw new ImageUnavailable(ImageUnavailable.Reason.NOT_FOUND, "no images here", null);
        };
    session = Session.builder().home(home).sandbox(new ScriptedSandbox()).images(none).build();
    inspector = new CursorInspector(Analysis.standalone(), session);
  }

  @AfterEach
  void close() {
    session.close();
  }

  private void apply(String source) {
    List<SessionEvent> events = session.apply(source);
    assertTrue(events.get(events.size() - 1) instanceof StepCompleted, events.toString());
  }

  @Test
  void at_keyword_documentationOfTheInstruction() throws Exception {
    CursorHelp help = inspector.at("RUN echo hi", 1).orElseThrow();

    assertEquals(CursorHelp.Kind.DOCUMENTATION, help.kind());
    assertEquals("RUN", help.topic());
    assertTrue(help.plainText().startsWith("RUN - "), help.plainText());
    assertTrue(help.markdown().startsWith("**`RUN`**"), help.markdown());
  }

  @Test
  void at_flag_documentationOfTheFlag() throws Exception {
    CursorHelp help = inspector.at("RUN --mount", 11).orElseThrow();

    assertEquals(CursorHelp.Kind.DOCUMENTATION, help.kind());
    assertEquals("RUN --mount", help.topic());
    assertTrue(help.plainText().startsWith("RUN --mount - "), help.plainText());
  }

  @Test
  void at_pathInTheCurrentImage_reportOfThatPath() throws Exception {
    apply("FROM scratch");
    apply("RUN write /srv/hello.txt hello");
    apply("WORKDIR /srv");

    CursorHelp absolute = inspector.at("RUN cat /srv/hello.txt", 12).orElseThrow();
    CursorHelp relative = inspector.at("%cat hello.txt", 7).orElseThrow();
    CursorHelp directory = inspector.at("%ls /srv", 6).orElseThrow();

    assertEquals(CursorHelp.Kind.PATH, absolute.kind());
    assertEquals("/srv/hello.txt", absolute.topic());
    assertTrue(absolute.plainText().startsWith("/srv/hello.txt\nfile, "), absolute.plainText());
    assertTrue(absolute.plainText().contains("  hello\n"), absolute.plainText());
    assertTrue(absolute.markdown().startsWith("**`/srv/hello.txt`**"), absolute.markdown());
    assertEquals("/srv/hello.txt", relative.topic());
    assertTrue(directory.plainText().contains("directory of 1 entries"), directory.plainText());
  }

  @Test
  void at_pathMissingFromTheImage_nothing() throws Exception {
    apply("FROM scratch");

    assertEquals(Optional.empty(), inspector.at("RUN ls /nope", 9));
  }

  @Test
  void at_pathBeforeAnyStep_nothing() throws Exception {
    assertEquals(Optional.empty(), inspector.at("RUN ls /etc", 9));
  }

  @Test
  void at_pathWithoutASession_documentationOfTheInstruction() throws Exception {
    CursorInspector docsOnly = new CursorInspector(Analysis.standalone());

    CursorHelp help = docsOnly.at("RUN ls /etc", 9).orElseThrow();

    assertEquals(CursorHelp.Kind.DOCUMENTATION, help.kind());
    assertEquals("RUN", help.topic());
  }

  @Test
  void at_nothingDocumented_nothing() throws Exception {
    assertEquals(Optional.empty(), inspector.at("", 0));
    assertEquals(Optional.empty(), inspector.at("# just a comment", 5));
  }
}
