package org.iechorfile.engine.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.iechorfile.engine.testing.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelGzipOutputStreamTest {

  @TempDir Path temp;

  private static byte[] input(int size) {
    byte[] data = new byte[size];
    Random random = new Random(7);
    for (int i = 0; i < size; i++) {
      // Half noise, half text: both stored and compressed deflate blocks occur.
      data[i] = (i / 100_000) % 2 == 0 ? (byte) random.nextInt() : (byte) ('a' + i % 13);
    }
    return data;
  }

  private static byte[] gzip(byte[] data, int threads, int chunk) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(out, pool, threads)) {
        for (int i = 0; i < data.length; i += chunk) {
          gzip.write(data, i, Math.min(chunk, data.length - i));
        }
      }
      return out.toByteArray();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void close_severalBlocks_gunzipsToTheInput() throws Exception {
    byte[] data = input(3 * (1 << 20) + 12345);

    byte[] compressed = gzip(data, 2, 70_000);

    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      assertArrayEquals(data, in.readAllBytes());
    }
    Path file = temp.resolve("data.gz");
    Files.write(file, compressed);
    ExternalTools.run(List.of("gzip", "-t", file.toString()));
  }

  @Test
  void close_anyThreadCount_givesTheSameBytes() throws Exception {
    byte[] data = input(2 * (1 << 20) + 1);

    assertArrayEquals(gzip(data, 1, 4096), gzip(data, 4, 1 << 20));
  }

  @Test
  void close_noInput_isAnEmptyGzipMember() throws Exception {
    byte[] compressed = gzip(new byte[0], 2, 1);

    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      assertArrayEquals(new byte[0], in.readAllBytes());
    }
  }
}
