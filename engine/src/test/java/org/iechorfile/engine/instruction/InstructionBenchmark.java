package org.iechorfile.engine.instruction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Map;
import org.iechorfile.engine.syntax.LineParser;
import org.iechorfile.engine.syntax.ParsedFile;
import org.iechorfile.engine.syntax.Variables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Typing and expansion throughput on a generated file of typical instructions (FROM, RUN with
 * mounts, COPY with flags, ENV, ARG, EXPOSE, HEALTHCHECK, ...), next to the line parser's time for
 * the same text as the reference. Prints figures; asserts only the instruction count.
 */
@Tag("benchmark")
class InstructionBenchmark {

  private static final String[] STAGE = {
    "FROM --platform=$BUILDPLATFORM python:3.12-slim AS build%d",
    "ARG VERSION=1.%d TOKEN_FILE",
    "ENV APP=/srv/app%d PATH=\"/srv/venv/bin:$PATH\" LANG=C.UTF-8",
    "WORKDIR $APP",
    "COPY --chown=app:app --chmod=0644 --link requirements.txt pyproject.toml ./",
    "RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked --mount=type=secret,id=pip"
        + " pip install -r requirements.txt",
    "ADD --checksum=sha256:%d https://example.com/a.tar.gz /opt/",
    "LABEL org.opencontainers.image.version=$VERSION stage=%d",
    "EXPOSE 80%d/tcp 443",
    "HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD [\"curl\", \"-f\", \"http://x/\"]",
    "USER app:app",
    "CMD [\"python\", \"-m\", \"app\"]",
  };

  @Test
  void parse_generatedFile_printsInstructionsPerSecond() {
    int stages = 8000;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < stages; i++) {
      for (String line : STAGE) {
        text.append(line.replace("%d", Integer.toString(i))).append('\n');
      }
    }
    int expected = stages * STAGE.length;
    InstructionParser parser = new InstructionParser();
    InstructionExpander expander = new InstructionExpander('\\');
    Variables variables = Variables.of(Map.of("APP", "/srv/app", "PATH", "/usr/bin"));
    long lineBest = Long.MAX_VALUE;
    long typeBest = Long.MAX_VALUE;
    long expandBest = Long.MAX_VALUE;
    for (int run = 0; run < 5; run++) {
      long start = System.nanoTime();
      ParsedFile file = LineParser.parse(text.toString());
      long parsed = System.nanoTime();
      ParsedInstructions typed = parser.parse(file);
      long done = System.nanoTime();
      for (Instruction instruction : typed.instructions()) {
        expander.expand(instruction, variables);
      }
      long expanded = System.nanoTime();
      assertEquals(expected, typed.instructions().size());
      lineBest = Math.min(lineBest, parsed - start);
      typeBest = Math.min(typeBest, done - parsed);
      expandBest = Math.min(expandBest, expanded - done);
    }
    System.out.println(
        String.format(Locale.ROOT, "%-22s %12s %10s %16s", "step", "instructions", "ms", "inst/s"));
    print("line parser (ref)", expected, lineBest);
    print("typing + lints", expected, typeBest);
    print("expansion", expected, expandBest);
  }

  private static void print(String step, int instructions, long nanos) {
    double seconds = nanos / 1e9;
    System.out.println(
        String.format(
            Locale.ROOT,
            "%-22s %12d %10.1f %16.0f",
            step,
            instructions,
            seconds * 1e3,
            instructions / seconds));
  }
}
