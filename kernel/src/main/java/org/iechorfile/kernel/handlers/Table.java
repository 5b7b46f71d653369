package org.iechorfile.kernel.handlers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table for notebook outputs, as aligned plain text and as HTML.
 *
 * @param headers the column names
 * @param rows the cells, one list per row, as many as there are headers
 */
record Table(List<String> headers, List<List<String>> rows) {

  Table {
    headers = List.copyOf(headers);
    List<List<String>> copied = new ArrayList<>();
    for (List<String> row : rows) {
      if (row.size() != headers.size()) {
        throw new IllegalArgumentException(
            "a row has " + row.size() + " cells, not " + headers.size());
      }
      copied.add(List.copyOf(row));
    }
    rows = List.copyOf(copied);
  }

  /** The table with columns padded to their widest cell. */
  String toPlainText() {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headers.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder text = new StringBuilder();
    line(text, headers, widths);
    for (List<String> row : rows) {
      line(text, row, widths);
    }
    return text.toString();
  }

  /** The table as an HTML {@code <table>}, every cell escaped. */
  String toHtml() {
    StringBuilder html = new StringBuilder("<table class=\"iechorfile\">\n<thead><tr>");
    for (String header : headers) {
      html.append("<th style=\"text-align:left\">").append(Html.escape(header)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      html.append("<tr>");
      for (String cell : row) {
        html.append("<td style=\"text-align:left\"><code>")
            .append(Html.escape(cell))
            .append("</code></td>");
      }
      html.append("</tr>\n");
    }
    return html.append("</tbody></table>").toString();
  }

  /** The mime bundle: text/plain and text/html. */
  Map<String, Object> bundle() {
    return Map.of("text/plain", toPlainText(), "text/html", toHtml());
  }

  private static void line(StringBuilder text, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      line.append(cells.get(c));
      if (c < cells.size() - 1) {
        line.append(" ".repeat(widths[c] - cells.get(c).length() + 2));
      }
    }
    text.append(line.toString().stripTrailing()).append('\n');
  }
}
