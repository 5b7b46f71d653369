package org.iechorfile.kernel.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

  private final Table table =
      new Table(
          List.of("STEP", "INSTRUCTION"),
          List.of(List.of("1", "FROM busybox"), List.of("12", "RUN echo <hi> & 'bye'")));

  @Test
  void toPlainText_columns_alignedWithoutTrailingBlanks() {
    assertEquals(
        "STEP  INSTRUCTION\n1     FROM busybox\n12    RUN echo <hi> & 'bye'\n",
        table.toPlainText());
  }

  @Test
  void toHtml_cells_escaped() {
    String html = table.toHtml();
    assertTrue(html.contains("RUN echo &lt;hi&gt; &amp; &#39;bye&#39;"), html);
    assertTrue(html.startsWith("<table"), html);
  }

  @Test
  void new_rowOfWrongWidth_rejected() {
    assertThrows(
        IllegalArgumentException.class, () -> new Table(List.of("A", "B"), List.of(List.of("1"))));
  }
}
