package org.iechorfile.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.IntConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long each analysis takes on a typical notebook cell and on a long file. Front ends call them
 * on each key press (tokens), each Tab (complete) and each Enter (completeness); the budget is well
 * under a millisecond for a cell. Figures are printed, never asserted.
 */
@Tag("benchmark")
class AnalysisBenchmark {

  private static final String CELL =
      "# Build the app\n"
          + "FROM python:3.12-slim AS build\n"
          + "ARG VERSION=1.0\n"
          + "ENV APP_HOME=/app PATH=/app/bin:$PATH\n"
          + "WORKDIR $APP_HOME\n"
          + "COPY --chown=app:app requirements.txt ./\n"
          + "RUN --mount=type=cache,target=/root/.cache/pip \\\n"
          + "    pip install -r requirements.txt && \\\n"
          + "    rm -rf /tmp/*\n"
          + "RUN <<EOF\n"
          + "set -e\n"
          + "echo \"version $VERSION\" > /app/VERSION\n"
          + "EOF\n"
          + "CMD [\"python3\", \"-m\", \"app\"]\n"
          + "%ls -la /app\n";

  private final Analysis analysis = Analysis.standalone();

  @Test
  void analysis_typicalCell_timings() {
    int cursor = CELL.indexOf("pip install") + 3;
    report("analyzeCompleteness, 15-line cell", i -> analysis.analyzeCompleteness(CELL));
    report("tokens, 15-line cell", i -> analysis.tokens(CELL));
    report("complete, 15-line cell", i -> analysis.complete(CELL, cursor));
    report("inspect, 15-line cell", i -> analysis.inspect(CELL, cursor));
    report("help RUN --mount", i -> analysis.help("RUN --mount"));
  }

  @Test
  void analysis_longFile_timings() {
    String file = CELL.repeat(40);
    assertEquals(Completeness.Status.COMPLETE, analysis.analyzeCompleteness(file).status());
    report("analyzeCompleteness, 600-line file", i -> analysis.analyzeCompleteness(file));
    report("tokens, 600-line file", i -> analysis.tokens(file));
    report("complete at end, 600-line file", i -> analysis.complete(file, file.length()));
  }

  private static void report(String what, IntConsumer action) {
    for (int i = 0; i < 2_000; i++) {
      action.accept(i);
    }
    int runs = 5_000;
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      action.accept(i);
    }
    double micros = (System.nanoTime() - start) / 1_000.0 / runs;
    System.out.printf("%-40s %9.1f µs/call (budget for a cell: 1000 µs)%n", what, micros);
  }
}
