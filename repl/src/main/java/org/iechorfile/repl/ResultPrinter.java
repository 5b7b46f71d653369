package org.iechorfile.repl;

import java.io.PrintWriter;
import java.util.List;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.command.CommandResult;

/** Prints what a {@code %} command produced: messages, aligned tables, help, rejections. */
public final class ResultPrinter {

  private final PrintWriter out;
  private final Styles styles;

  /** A printer writing to {@code out} (not closed) with {@code styles}. */
  public ResultPrinter(PrintWriter out, Styles styles) {
    this.out = out;
    this.styles = styles;
  }

  /** Prints {@code result}. Events were already printed as they happened; only the summary is. */
  public void print(CommandResult result) {
    if (result instanceof CommandResult.Message message) {
      out.println(message.text());
    } else if (result instanceof CommandResult.Table table) {
      table(table.headers(), table.rows());
    } else if (result instanceof CommandResult.Events events) {
      out.println(events.succeeded() ? events.summary() : styles.error(events.summary()));
    } else if (result instanceof CommandResult.Help help) {
      out.print(help.documentation().toPlainText());
    } else if (result instanceof CommandResult.Rejected rejected) {
      for (Diagnostic diagnostic : rejected.diagnostics()) {
        Carets.print(out, styles, rejected.line(), diagnostic);
      }
    }
    out.flush();
  }

  private void table(List<String> headers, List<List<String>> rows) {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headers.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    out.println(styles.bold(row(headers, widths)));
    for (List<String> row : rows) {
      out.println(row(row, widths));
    }
  }

  private static String row(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      line.append(cells.get(c));
      if (c < cells.size() - 1) {
        line.append(" ".repeat(widths[c] - cells.get(c).length() + 2));
      }
    }
    return line.toString().stripTrailing();
  }
}
