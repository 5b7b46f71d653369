package org.iechorfile.engine.tar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extracts and writes a generated tree of about 6,000 files and 100 MB, side by side with GNU
 * {@code tar -x} and {@code tar -c | gzip} on the same data. Prints a table; asserts only that both
 * sides produced the same tree.
 */
@Tag("benchmark")
class LayerBenchmark {

  private static final int FILES = 6_000;
  private static final int RUNS = 3;

  @TempDir Path temp;

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void layer_generatedTree_comparedWithGnuTar() throws Exception {
    Path tree = generate(temp.resolve("tree"));
    Path ourGzip = temp.resolve("ours.tar.gz");
    Path ourTar = temp.resolve("ours.tar");
    LayerWriter writer = new LayerWriter(OverlayNamespace.TRUSTED);
    LayerExtractor extractor = new LayerExtractor(OverlayNamespace.TRUSTED);
    List<String> rows = new ArrayList<>();

    rows.add(
        row(
            "write tar (no compression)",
            () -> write(writer, tree, ourTar, LayerWriteOptions.uncompressed()),
            () ->
                shell(
                    "tar --sort=name -C '" + tree + "' -cf '" + temp.resolve("gnu.tar") + "' .")));
    rows.add(
        row(
            "write tar + gzip -6",
            () -> write(writer, tree, ourGzip, LayerWriteOptions.gzipped()),
            () ->
                shell(
                    "tar --sort=name -C '"
                        + tree
                        + "' -cf - . | gzip -6 > '"
                        + temp.resolve("gnu.tar.gz")
                        + "'")));
    rows.add(
        row(
            "extract tar",
            () -> extract(extractor, ourTar),
            () -> shell(gnuExtract("-xpf", ourTar))));
    rows.add(
        row(
            "extract tar.gz",
            () -> extract(extractor, ourGzip),
            () -> shell(gnuExtract("-xpzf", ourGzip))));

    Path check = temp.resolve("check");
    try (InputStream in = Files.newInputStream(ourGzip)) {
      extractor.extract(in, check);
    }
    assertEquals(TreeSnapshot.of(tree).size(), TreeSnapshot.of(check).size());

    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "%nLayerBenchmark: %,d files, %,d bytes (tar %,d, gzip %,d); median of %d runs%n",
            FILES,
            size(tree),
            Files.size(ourTar),
            Files.size(ourGzip),
            RUNS));
    table.append(
        String.format(
            Locale.ROOT, "%-28s %12s %12s %8s%n", "operation", "iechorfile", "GNU tar", "ratio"));
    rows.forEach(table::append);
    System.out.print(table);
  }

  private interface Action {
    void run() throws Exception;
  }

  private String row(String name, Action ours, Action theirs) throws Exception {
    long oursMs = median(ours);
    long theirsMs = median(theirs);
    return String.format(
        Locale.ROOT,
        "%-28s %9d ms %9d ms %7.2fx%n",
        name,
        oursMs,
        theirsMs,
        (double) oursMs / Math.max(1, theirsMs));
  }

  private long median(Action action) throws Exception {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      action.run();
      times.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
    Collections.sort(times);
    return times.get(RUNS / 2);
  }

  private static void write(LayerWriter writer, Path tree, Path blob, LayerWriteOptions options)
      throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(blob), 1 << 16)) {
      writer.write(tree, out, options);
    }
  }

  private void extract(LayerExtractor extractor, Path blob) throws IOException {
    Path target = temp.resolve("ours-x");
    DirectoryTrees.delete(target);
    try (InputStream in = Files.newInputStream(blob)) {
      extractor.extract(in, target);
    }
  }

  private String gnuExtract(String flags, Path blob) {
    Path target = temp.resolve("gnu-x");
    return "rm -rf '"
        + target
        + "' && mkdir '"
        + target
        + "' && tar --same-owner --xattrs "
        + flags
        + " '"
        + blob
        + "' -C '"
        + target
        + "'";
  }

  private static void shell(String command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("/bin/bash", "-c", command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    assertEquals(0, process.exitValue(), command);
  }

  /**
   * About 6,000 files in 300 directories, 100 MB in all: sizes skewed small with a few large ones,
   * content half text-like and half random so gzip has realistic work, plus symlinks.
   */
  private static Path generate(Path root) throws IOException {
    Random random = new Random(42);
    byte[] noise = new byte[1 << 20];
    random.nextBytes(noise);
    byte[] text =
        "usr/lib/python3/dist-packages: import os, sys; def main(): return 0\n"
            .repeat(20_000)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i < FILES; i++) {
      Path dir = Files.createDirectories(root.resolve("d" + (i % 300) / 20).resolve("s" + i % 300));
      int size = i % 100 == 0 ? 400_000 + random.nextInt(400_000) : random.nextInt(20_000);
      byte[] source = i % 2 == 0 ? text : noise;
      int offset = random.nextInt(source.length - size);
      Files.write(
          dir.resolve("f" + i), java.util.Arrays.copyOfRange(source, offset, offset + size));
      if (i % 50 == 0) {
        Files.createSymbolicLink(dir.resolve("l" + i), Path.of("f" + i));
      }
    }
    return root;
  }

  private static long size(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      return walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .sum();
    }
  }
}
