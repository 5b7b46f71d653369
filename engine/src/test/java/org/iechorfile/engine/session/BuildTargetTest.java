package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iechorfile.engine.syntax.LineParser;
import org.iechorfile.engine.syntax.Node;
import org.iechorfile.engine.syntax.ParsedFile;
import org.junit.jupiter.api.Test;

class BuildTargetTest {

  private static final ParsedFile FILE =
      LineParser.parse(
          "ARG V=1\nFROM busybox AS Build\nRUN make\nFROM busybox\nCOPY --from=build /a /a\n"
              + "FROM scratch AS final\nCOPY --from=1 /a /a\n");

  private static List<String> commands(BuildTarget.Result result) {
    return result.nodes().stream().map(Node::original).toList();
  }

  @Test
  void stages_namesUnnamedStagesByIndex() {
    assertEquals(List.of("build", "stage-1", "final"), BuildTarget.stages(FILE));
  }

  @Test
  void select_namedStage_stopsBeforeTheNextFrom() {
    assertEquals(
        List.of("ARG V=1", "FROM busybox AS Build", "RUN make"),
        commands(BuildTarget.select(FILE, "BUILD")));
  }

  @Test
  void select_index_keepsEarlierStages() {
    assertEquals(5, BuildTarget.select(FILE, "1").nodes().size());
    assertEquals(7, BuildTarget.select(FILE, "final").nodes().size());
  }

  @Test
  void select_unknownStage_listsTheStages() {
    BuildTarget.Result result = BuildTarget.select(FILE, "test");
    assertTrue(result.nodes().isEmpty());
    assertEquals(
        "target stage \"test\" could not be found; the stages are build, stage-1, final",
        result.error().orElseThrow().message());
  }
}
