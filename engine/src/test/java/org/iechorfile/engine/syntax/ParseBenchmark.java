package org.iechorfile.engine.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Line parser throughput on a generated, realistic iEchorfile (multi-stage builds, long RUN
 * continuations, heredocs, JSON forms, comments) at 1x, 2x, 4x and 8x size, the largest about 20
 * MB, side by side so linear growth is visible. Prints figures; asserts only the instruction count.
 */
@Tag("benchmark")
class ParseBenchmark {

  private static final int BASE_BYTES = 20 * 1024 * 1024 / 8;

  /** A generated file and how many instructions it holds. */
  private record Sample(String text, int instructions) {}

  @Test
  void parse_generatedFiles_printsThroughputPerSize() {
    Sample largest = generate(BASE_BYTES * 8, new Random(42));
    // Warm up until the JIT has compiled the parser, so the first size is not measured cold.
    String warmup = largest.text().substring(0, cut(largest.text(), BASE_BYTES * 2));
    for (int i = 0; i < 15; i++) {
      LineParser.parse(warmup);
    }
    System.out.println(
        String.format(
            Locale.ROOT,
            "%-6s %10s %14s %10s %16s %10s",
            "size",
            "MB",
            "instructions",
            "ms",
            "instructions/s",
            "MB/s"));
    for (int factor : new int[] {1, 2, 4, 8}) {
      Sample sample = generate(BASE_BYTES * factor, new Random(42));
      double mb = sample.text().getBytes(StandardCharsets.UTF_8).length / 1e6;
      long best = Long.MAX_VALUE;
      ParsedFile parsed = null;
      for (int run = 0; run < 5; run++) {
        long start = System.nanoTime();
        parsed = LineParser.parse(sample.text());
        best = Math.min(best, System.nanoTime() - start);
      }
      assertFalse(parsed.hasErrors());
      assertEquals(sample.instructions(), parsed.nodes().size());
      double seconds = best / 1e9;
      System.out.println(
          String.format(
              Locale.ROOT,
              "%-6s %10.1f %14d %10.1f %16.0f %10.1f",
              factor + "x",
              mb,
              sample.instructions(),
              seconds * 1e3,
              sample.instructions() / seconds,
              mb / seconds));
    }
  }

  private static int cut(String text, int bytes) {
    int at = text.indexOf("\nFROM ", Math.min(text.length() - 1, bytes));
    return at < 0 ? text.length() : at + 1;
  }

  private static Sample generate(int bytes, Random random) {
    StringBuilder out = new StringBuilder(bytes + 4096);
    out.append("# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\n\n");
    out.append("ARG BASE=debian:bookworm-slim\n");
    int instructions = 1;
    int stage = 0;
    while (out.length() < bytes) {
      instructions += stage(out, stage++, random);
    }
    return new Sample(out.toString(), instructions);
  }

  private static int stage(StringBuilder out, int stage, Random random) {
    int count = 0;
    out.append("\n# stage ").append(stage).append(": build and package\n");
    out.append("FROM --platform=$BUILDPLATFORM ${BASE} AS build-").append(stage).append('\n');
    out.append("ARG VERSION=1.").append(stage % 100).append(".0\n");
    out.append("ENV APP_HOME=/opt/app PATH=/opt/app/bin:$PATH LANG=\"C.UTF-8\"\n");
    out.append("LABEL org.opencontainers.image.title=\"app ")
        .append(stage)
        .append("\" \\\n      org.opencontainers.image.version=$VERSION\n");
    out.append("WORKDIR /src\n");
    count += 5;
    int runs = 2 + random.nextInt(3);
    for (int r = 0; r < runs; r++) {
      out.append("RUN --mount=type=cache,target=/var/cache/apt \\\n");
      out.append("    apt-get update \\\n");
      int packages = 3 + random.nextInt(6);
      for (int p = 0; p < packages; p++) {
        out.append("\t&& apt-get install -y --no-install-recommends package-")
            .append(random.nextInt(1000))
            .append(" \\\n");
      }
      out.append("    # keep the image small\n");
      out.append("    && rm -rf /var/lib/apt/lists/*\n");
      count++;
    }
    out.append("COPY --chown=app:app --chmod=0755 src/ scripts/*.sh /src/\n");
    out.append("RUN <<EOF\nset -eux\n./configure --prefix=/opt/app\nmake -j\"$(nproc)\"\n")
        .append("# install\nmake install\nEOF\n");
    out.append("COPY <<-CONF <<'ENVFILE' /etc/app/\n\tlisten 8080\n\tworkers ")
        .append(random.nextInt(16))
        .append("\n\tCONF\nAPP_MODE=production\nENVFILE\n");
    out.append("EXPOSE 8080/tcp 9090\nUSER app:app\nVOLUME [\"/data\", \"/logs\"]\n");
    out.append(
        "HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost:8080/ || exit 1\n");
    out.append("ONBUILD COPY . /src/\n");
    out.append(
        "ENTRYPOINT [\"/usr/bin/tini\", \"--\"]\nCMD [\"/opt/app/bin/app\", \"--port\", \"8080\"]\n");
    count += 10;
    return count;
  }
}
