package org.iechorfile.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisSegmentsTest {

  private final Analysis analysis = Analysis.standalone();

  @Test
  void segments_mixedInput_instructionsAndCommandsInOrder() {
    assertEquals(
        List.of(
            new Segment(Segment.Kind.INSTRUCTION, "FROM busybox", 1, "FROM"),
            new Segment(Segment.Kind.COMMAND, "%undo 2", 3, "%undo"),
            new Segment(Segment.Kind.INSTRUCTION, "run echo a \\\n  # inside\n  b", 4, "RUN")),
        analysis.segments("FROM busybox\n\n  %undo 2\nrun echo a \\\n  # inside\n  b\n# after\n"));
  }

  @Test
  void segments_directivesAndHeredoc_directiveRepeatedBodyKept() {
    assertEquals(
        List.of(
            new Segment(Segment.Kind.INSTRUCTION, "# escape=`\nFROM scratch", 2, "FROM"),
            new Segment(Segment.Kind.INSTRUCTION, "# escape=`\nRUN <<EOF\nx\nEOF", 3, "RUN")),
        analysis.segments("# escape=`\nFROM scratch\nRUN <<EOF\nx\nEOF\n"));
  }

  @Test
  void segments_jsonArrayOverLines_joinedWithEscape() {
    assertEquals(
        List.of(new Segment(Segment.Kind.INSTRUCTION, "CMD [\"a\",\\\n \"b\"]", 1, "CMD")),
        analysis.segments("CMD [\"a\",\n \"b\"]"));
  }

  @Test
  void segments_blankInput_none() {
    assertEquals(List.of(), analysis.segments("\n# only a comment\n"));
  }
}
