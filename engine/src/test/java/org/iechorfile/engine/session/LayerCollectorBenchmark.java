package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gc} over 500 session layers that the build cache keeps, with 1 and with 20 files in each
 * layer: the time should not grow with the files, since nothing is walked that is not deleted. Then
 * the time to delete them all ({@code --cache}), which does walk them, beside {@code rm -rf} of the
 * same layers. Prints figures; asserts only what was removed.
 */
@Tag("benchmark")
class LayerCollectorBenchmark {

  private static final int LAYERS = 500;

  @TempDir Path temp;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void collect_fiveHundredCachedLayers_costGrowsWithLayersNotFiles()
      throws IOException, InterruptedException {
    for (int files : new int[] {1, 20}) {
      Path home = fill(Files.createDirectory(temp.resolve("home-" + files)), files);
      Path reference = fill(Files.createDirectory(temp.resolve("reference-" + files)), files);
      LayerCollector collector = new LayerCollector(home);
      long start = System.nanoTime();
      LayerCollection kept = collector.collect(Pruning.unreachable(Duration.ZERO));
      long keepMillis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(0, kept.layersRemoved());
      start = System.nanoTime();
      LayerCollection dropped =
          collector.collect(new Pruning(true, Pruning.NO_LIMIT, Duration.ZERO));
      long dropMillis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(LAYERS, dropped.layersRemoved());
      start = System.nanoTime();
      Process rm =
          new ProcessBuilder("rm", "-rf", reference.resolve("session/layers").toString())
              .inheritIO()
              .start();
      assertEquals(0, rm.waitFor());
      long rmMillis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "gc over %d cached layers of %d file(s) each: %d ms keeping them all,"
              + " %d ms removing them all (--cache); rm -rf of the same layers: %d ms%n",
          LAYERS, files, keepMillis, dropMillis, rmMillis);
    }
  }

  /** {@code LAYERS} committed layers of {@code files} files each, every one cached. */
  private static Path fill(Path home, int files) throws IOException {
    StepLayers layers = new StepLayers(home);
    BuildCache cache = new BuildCache(home);
    for (int i = 0; i < LAYERS; i++) {
      String id = String.format("%032x", i);
      Path directory = Files.createDirectories(home.resolve("session/layers").resolve(id));
      for (int f = 0; f < files; f++) {
        Files.writeString(directory.resolve("file-" + f), "content " + f);
      }
      layers.ref(id);
      cache.record("key-" + i, id);
    }
    return home;
  }
}
