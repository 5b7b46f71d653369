package org.iechorfile.kernel.handlers;

import java.util.ArrayList;
import java.util.List;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.SourceSpan;

/**
 * A failed cell as the {@code error} message shows it: a name, one line, and traceback lines with
 * the source line and a caret under the span of each diagnostic.
 *
 * @param ename the error's name
 * @param evalue the one-line message
 * @param lines the traceback lines (may hold ANSI colour)
 */
record Traceback(String ename, String evalue, List<String> lines) {

  private static final String RED = "\u001b[31m";
  private static final String RESET = "\u001b[0m";

  Traceback {
    lines = List.copyOf(lines);
  }

  /** A rejected instruction: each error under its source line with a caret. */
  static Traceback rejected(String source, List<Diagnostic> diagnostics) {
    List<String> lines = new ArrayList<>();
    String[] sourceLines = source.split("\n", -1);
    for (Diagnostic d : diagnostics) {
      SourceSpan span = d.span();
      int index = span.startLine() - 1;
      if (index >= 0 && index < sourceLines.length) {
        String line = sourceLines[index];
        lines.add(line);
        lines.add(caret(line, span));
      }
      lines.add(RED + d.format() + RESET);
    }
    String first =
        diagnostics.isEmpty() ? "the instruction was rejected" : diagnostics.get(0).format();
    return new Traceback("StepRejected", first, lines);
  }

  /** A step that failed: its message and detail. */
  static Traceback failed(String source, Failure failure) {
    List<String> lines = new ArrayList<>();
    lines.add(source.strip());
    lines.add(RED + failure.message() + RESET);
    if (!failure.detail().isEmpty()) {
      lines.add(failure.detail());
    }
    String name = failure.kind() == Failure.Kind.CANCELLED ? "Interrupted" : "StepFailed";
    return new Traceback(name, failure.message(), lines);
  }

  /** A {@code %} command that could not be carried out. */
  static Traceback command(String line, String message) {
    return new Traceback("CommandFailed", message, List.of(line, RED + message + RESET));
  }

  private static String caret(String line, SourceSpan span) {
    int start = Math.max(0, Math.min(span.startColumn() - 1, line.length()));
    int end =
        span.endLine() == span.startLine()
            ? Math.max(start + 1, Math.min(span.endColumn() - 1, line.length()))
            : Math.max(start + 1, line.length());
    return " ".repeat(start) + RED + "^".repeat(Math.max(1, end - start)) + RESET;
  }
}
