package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepCompleted;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * COPY of a generated 10,000-file tree into a session, side by side with {@code buildah copy} of
 * the same tree into a working container. Prints medians; asserts only that both copies are whole.
 */
@Tag("benchmark")
class CopyBenchmark {

  private static final int DIRECTORIES = 100;
  private static final int FILES_PER_DIRECTORY = 100;
  private static final int RUNS = 3;

  @TempDir Path temp;

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void copy_tenThousandFiles_comparedWithBuildahCopy() throws Exception {
    Path context = generate(temp.resolve("context"));
    List<Long> cold = new ArrayList<>();
    List<Long> cached = new ArrayList<>();
    List<Long> edited = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      Path home = Files.createDirectory(temp.resolve("home-" + run));
      try (Session session =
          Session.builder()
              .home(home)
              .sandbox(new FakeSandbox())
              .images(new FixedImages(java.util.Map.of()))
              .context(context)
              .build()) {
        session.apply("FROM scratch");
        cold.add(timed(session, false));
        session.undo(1);
        cached.add(timed(session, true));
        session.undo(1);
        Files.writeString(context.resolve("d042/f0042.txt"), "edited " + run + "\n");
        edited.add(timed(session, false));
        assertEquals(
            DIRECTORIES * (FILES_PER_DIRECTORY + 1),
            Sizes.entries(session.current().layers().get(0).directory()) - 1);
      }
    }
    List<Long> buildah = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      buildah.add(buildahCopy(context, temp.resolve("buildah-" + run)));
    }
    System.out.printf(
        "%nCOPY of %,d files (%d directories) into a scratch image, median of %d runs%n",
        DIRECTORIES * FILES_PER_DIRECTORY, DIRECTORIES, RUNS);
    System.out.printf("  %-44s %8d ms%n", "iechorfile COPY, cache miss", median(cold));
    System.out.printf(
        "  %-44s %8d ms%n", "iechorfile COPY, cache hit (digests only)", median(cached));
    System.out.printf("  %-44s %8d ms%n", "iechorfile COPY after editing one file", median(edited));
    System.out.printf("  %-44s %8d ms%n", "buildah copy (overlay storage)", median(buildah));
  }

  private long timed(Session session, boolean expectHit) {
    long start = System.nanoTime();
    List<SessionEvent> events = session.apply("COPY . /dst");
    long millis = (System.nanoTime() - start) / 1_000_000;
    SessionEvent last = events.get(events.size() - 1);
    assertTrue(last instanceof StepCompleted, events.toString());
    assertEquals(expectHit, ((StepCompleted) last).cache().hit(), events.toString());
    return millis;
  }

  private static long buildahCopy(Path context, Path storage) throws Exception {
    List<String> base =
        List.of(
            "buildah",
            "--root",
            storage.resolve("root").toString(),
            "--runroot",
            storage.resolve("run").toString(),
            "--storage-driver",
            "overlay");
    String container = run(base, "from", "--quiet", "scratch").strip();
    long start = System.nanoTime();
    run(base, "copy", "--quiet", container, context.toString(), "/dst");
    long millis = (System.nanoTime() - start) / 1_000_000;
    String mount = run(base, "mount", container).strip();
    try (var files = Files.walk(Path.of(mount, "dst"))) {
      assertEquals(DIRECTORIES * (FILES_PER_DIRECTORY + 1) + 1, files.count());
    }
    run(base, "umount", container);
    run(base, "rm", container);
    return millis;
  }

  private static String run(List<String> base, String... args) throws Exception {
    List<String> argv = new ArrayList<>(base);
    argv.addAll(Arrays.asList(args));
    Process process;
    try {
      process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    } catch (IOException e) {
      fail("buildah is missing: install the Debian package buildah (" + e.getMessage() + ")");
      return "";
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "buildah timed out");
    assertEquals(0, process.exitValue(), String.join(" ", argv) + ": " + output);
    return output;
  }

  private static Path generate(Path root) throws IOException {
    byte[] block = "0123456789abcdef".repeat(64).getBytes(StandardCharsets.UTF_8);
    for (int d = 0; d < DIRECTORIES; d++) {
      Path dir = Files.createDirectories(root.resolve(String.format("d%03d", d)));
      for (int f = 0; f < FILES_PER_DIRECTORY; f++) {
        Files.write(dir.resolve(String.format("f%04d.txt", f)), Arrays.copyOf(block, 200 + f * 20));
      }
    }
    return root;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
