package org.iechorfile.repl;

import java.io.PrintWriter;
import org.iechorfile.engine.Diagnostic;

/** Prints a diagnostic under its source line, with carets under the span. */
final class Carets {

  private Carets() {}

  static void print(PrintWriter out, Styles styles, String source, Diagnostic diagnostic) {
    String[] lines = source.split("\n", -1);
    int lineIndex = diagnostic.span().startLine() - 1;
    String label = diagnostic.isError() ? "error" : "warning";
    if (lineIndex >= 0 && lineIndex < lines.length) {
      String line = lines[lineIndex];
      int column = Math.max(1, Math.min(diagnostic.span().startColumn(), line.length() + 1));
      int width =
          diagnostic.span().endLine() == diagnostic.span().startLine()
              ? Math.max(1, diagnostic.span().endColumn() - column)
              : Math.max(1, line.length() - column + 1);
      out.println("  " + line);
      out.println("  " + " ".repeat(column - 1) + styles.error("^".repeat(width)));
    }
    String where = diagnostic.span().startLine() + ":" + diagnostic.span().startColumn();
    String text = label + ": " + where + ": " + diagnostic.message();
    out.println(diagnostic.isError() ? styles.error(text) : styles.warning(text));
    if (!diagnostic.suggestions().isEmpty() && !diagnostic.message().contains("did you mean")) {
      out.println("  did you mean " + String.join(" or ", diagnostic.suggestions()) + "?");
    }
  }
}
