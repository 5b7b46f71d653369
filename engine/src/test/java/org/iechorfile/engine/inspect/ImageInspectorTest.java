package org.iechorfile.engine.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.iechorfile.engine.ConfigChange;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.fs.Change;
import org.iechorfile.engine.fs.FileEntry;
import org.iechorfile.engine.images.ImageUnavailable;
import org.iechorfile.engine.session.BaseImages;
import org.iechorfile.engine.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageInspectorTest {

  private static final OptionalInt NOW = OptionalInt.empty();

  @TempDir Path home;
  private Session session;
  private ImageInspector inspector;

  @BeforeEach
  void open() {
    BaseImages none =
        (reference, platform, progress) -> {
          throw new ImageUnavailable(ImageUnavailable.Reason.NOT_FOUND, "no images here", null);
        };
    session = Session.builder().home(home).sandbox(new ScriptedSandbox()).images(none).build();
    inspector = new ImageInspector(session);
    apply("FROM scratch AS build");
    apply("RUN write /app/main.c int main; write /app/.hidden x; bytes /tmp/big 5000");
    apply("WORKDIR /app");
    apply("RUN rm /tmp/big; write /app/main.c int main() {}; bytes /app/blob 20");
    apply("FROM scratch");
    apply("RUN write /etc/motd hi");
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
  void list_earlierStepInAnotherStage_relativeToItsWorkdir() throws Exception {
    Answer<List<FileEntry>> plain = inspector.list(OptionalInt.of(4), "", false);
    Answer<List<FileEntry>> all = inspector.list(OptionalInt.of(4), ".", true);

    assertEquals(List.of("blob", "main.c"), names(plain.get()));
    assertEquals(List.of(".hidden", "blob", "main.c"), names(all.get()));
    assertEquals(List.of("etc"), names(inspector.list(NOW, "/", true).get()));
  }

  @Test
  void list_missingPathOrStep_isAProblemWithAMessage() throws Exception {
    Answer<List<FileEntry>> missing = inspector.list(OptionalInt.of(2), "/nope", false);
    Answer<List<FileEntry>> noStep = inspector.list(OptionalInt.of(9), "/", false);

    assertEquals("/nope: no such file or directory in the image at step 2", missing.problem());
    assertEquals("there is no step 9; steps go from 1 to 6 (see %steps)", noStep.problem());
    assertFalse(noStep.found());
  }

  @Test
  void read_textBinaryAndLongFiles_describedAsSuch() throws Exception {
    FileText text = inspector.read(OptionalInt.of(4), "main.c", 100).get();
    FileText binary = inspector.read(OptionalInt.of(2), "/tmp/big", 100).get();
    FileText cut = inspector.read(OptionalInt.of(4), "/app/main.c", 4).get();

    assertEquals("int main() {}", text.text());
    assertFalse(text.truncated());
    assertTrue(binary.binary());
    assertEquals(5000, binary.size());
    assertEquals("int ", cut.text());
    assertTrue(cut.truncated());
    assertEquals(
        "/app: not a regular file but a directory",
        inspector.read(OptionalInt.of(4), "/app", 10).problem());
  }

  @Test
  void tree_depthLimit_stopsDescending() throws Exception {
    List<TreeLine> lines = inspector.tree(OptionalInt.of(2), "/", 1).get();

    assertEquals(
        List.of("0 /", "1 /app", "1 /tmp"),
        lines.stream().map(l -> l.depth() + " " + l.entry().path()).toList());
  }

  @Test
  void find_nameAndPathGlobs_matchAcrossTheImage() throws Exception {
    assertEquals(
        List.of("/app/main.c"),
        inspector.find(OptionalInt.of(4), "*.c").get().stream().map(FileEntry::path).toList());
    assertEquals(
        List.of("/app/.hidden", "/app/blob", "/app/main.c"),
        inspector.find(OptionalInt.of(4), "app/*").get().stream().map(FileEntry::path).toList());
  }

  @Test
  void stat_rewrittenFile_namesTheStepThatMadeItsVersion() throws Exception {
    PathInfo info = inspector.stat(OptionalInt.of(4), "/app/main.c").get();

    assertEquals(4, info.origin().step());
    assertTrue(info.origin().source().startsWith("RUN rm /tmp/big"));
    assertEquals(2, inspector.stat(OptionalInt.of(4), "/app/.hidden").get().origin().step());
  }

  @Test
  void describe_textFile_metadataOwnerNamesAndFirstLines() throws Exception {
    int uid = (Integer) java.nio.file.Files.getAttribute(home, "unix:uid");
    int gid = (Integer) java.nio.file.Files.getAttribute(home, "unix:gid");
    apply("RUN write /etc/passwd alice:x:" + uid + ":" + gid + ":Alice:/home/alice:/bin/sh");
    apply("RUN write /etc/group staff:x:" + gid + ":");

    PathReport report = inspector.describe(NOW, "/etc/passwd").get();

    assertEquals("alice:staff (" + uid + ":" + gid + ")", report.owner());
    assertEquals(
        List.of("alice:x:" + uid + ":" + gid + ":Alice:/home/alice:/bin/sh"), report.lines());
    assertFalse(report.binary());
    String text = report.toPlainText();
    assertTrue(text.startsWith("/etc/passwd\nfile, -rw-r--r-- (0644), owner alice:staff"), text);
    assertTrue(report.toMarkdown().contains("```\nalice:x:"), report.toMarkdown());
  }

  @Test
  void describe_directory_firstEntriesThenHowManyMore() throws Exception {
    StringBuilder script = new StringBuilder("write /many/f00 x");
    for (int i = 1; i < 25; i++) {
      script.append(String.format("; write /many/f%02d x", i));
    }
    apply("RUN " + script);

    PathReport report = inspector.describe(NOW, "/many").get();

    assertEquals(PathReports.ENTRIES, report.children().size());
    assertEquals(5, report.moreChildren());
    assertTrue(report.toPlainText().contains("directory of 25 entries"), report.toPlainText());
    assertTrue(report.toPlainText().contains("… and 5 more"), report.toPlainText());
    assertTrue(report.toPlainText().contains(" f19\n"), report.toPlainText());
  }

  @Test
  void describe_relativeBinaryAndMissing_resolvedFromTheWorkdir() throws Exception {
    apply("WORKDIR /etc");
    apply("RUN bytes /etc/blob 30");

    PathReport blob = inspector.describe(NOW, "blob").get();
    Answer<PathReport> missing = inspector.describe(NOW, "nope");

    assertEquals("/etc/blob", blob.entry().path());
    assertTrue(blob.binary());
    assertTrue(blob.lines().isEmpty());
    assertTrue(blob.toPlainText().contains("30 B"), blob.toPlainText());
    assertFalse(missing.found());
    assertEquals("/etc/nope: no such file or directory in the image", missing.problem());
  }

  @Test
  void du_directory_largestEntriesFirst() throws Exception {
    DiskUsage usage = inspector.du(OptionalInt.of(2), "/").get();

    assertEquals(5000 + 8 + 1, usage.bytes());
    assertEquals("/tmp", usage.entries().get(0).path());
  }

  @Test
  void diff_default_isTheLastStepAgainstItsParent() throws Exception {
    StepDiff diff = inspector.diff(OptionalInt.empty(), OptionalInt.empty()).get();

    assertEquals(5, diff.from());
    assertEquals(6, diff.to());
    assertEquals(
        List.of("A /etc", "A /etc/motd"),
        diff.files().changes().stream().map(c -> c.letter() + " " + c.path()).toList());
  }

  @Test
  void diff_oneStep_showsItsFilesAndConfigDelta() throws Exception {
    StepDiff run = inspector.diff(OptionalInt.of(4), OptionalInt.empty()).get();
    StepDiff workdir = inspector.diff(OptionalInt.of(3), OptionalInt.empty()).get();

    assertEquals(
        List.of("A /app/blob", "C /app/main.c", "D /tmp/big"),
        run.files().changes().stream().map(c -> c.letter() + " " + c.path()).toList());
    assertEquals(List.of(new ConfigChange("WorkingDir", "", "/app")), workdir.config());
    assertTrue(workdir.files().isEmpty());
  }

  @Test
  void diff_acrossStages_comparesWholeTrees() throws Exception {
    StepDiff diff = inspector.diff(OptionalInt.of(4), OptionalInt.of(6)).get();

    assertEquals(
        1,
        diff.files().of(Change.Kind.REMOVED).stream().filter(c -> c.path().equals("/app")).count());
    assertEquals(List.of(new ConfigChange("WorkingDir", "/app", "")), diff.config());
  }

  @Test
  void diffFailed_afterAFailedRun_showsWhatItWrote() throws Exception {
    assertFalse(inspector.diffFailed().found());
    session.apply("RUN write /etc/partial x; fail");

    StepDiff diff = inspector.diffFailed().get();

    assertEquals(
        List.of("A /etc/partial"),
        diff.files().changes().stream().map(c -> c.letter() + " " + c.path()).toList());
    assertEquals(7, diff.to());
  }

  @Test
  void layers_earlierStep_eachTracedToItsStep() throws Exception {
    List<LayerInfo> layers = inspector.layers(OptionalInt.of(4)).get();

    assertEquals(List.of(2, 4), layers.stream().map(l -> l.origin().step()).toList());
    assertEquals(5000 + 8 + 1, layers.get(0).bytes());
    assertEquals(5, layers.get(0).files());
    assertFalse(layers.get(0).cached());
  }

  @Test
  void waste_fileRemovedLater_tracedToBothSteps() throws Exception {
    WasteReport waste = inspector.waste(OptionalInt.of(4)).get();

    assertEquals(5000 + 8, waste.bytes());
    WasteReport.Item big = waste.files().get(0);
    assertEquals("/tmp/big", big.path());
    assertEquals(2, big.addedBy().step());
    assertEquals(4, big.hiddenBy().step());
    assertTrue(big.removed());
  }

  @Test
  void envAndConfig_atAStep_comeFromItsState() {
    assertEquals("/app", inspector.config(OptionalInt.of(3)).get().workingDir());
    assertEquals("", inspector.config(NOW).get().workingDir());
    assertEquals(List.of(), inspector.env(NOW).get());
  }

  private static List<String> names(List<FileEntry> entries) {
    return entries.stream().map(FileEntry::name).toList();
  }
}
