package org.iechorfile.kernel.handlers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iechorfile.engine.ByteSizes;
import org.iechorfile.engine.ConfigChange;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.LayerCommitted;
import org.iechorfile.engine.StepCompleted;

/**
 * What one step changed, from its events: the layer written (bytes and entries), the config delta,
 * whether the build cache answered and why, and lint warnings.
 *
 * @param completed the step's completion
 * @param layer the layer it committed; empty when it wrote none
 * @param changes the config fields it changed
 */
record ChangeCard(StepCompleted completed, List<LayerCommitted> layer, List<ConfigChange> changes) {

  ChangeCard {
    layer = List.copyOf(layer);
    changes = List.copyOf(changes);
  }

  /** The card as text/plain and text/html. */
  Map<String, Object> bundle() {
    return Map.of("text/plain", toPlainText(), "text/html", toHtml());
  }

  String toPlainText() {
    StringBuilder text = new StringBuilder();
    text.append("Step ").append(completed.step().number()).append(": ");
    text.append(firstLine(completed.source())).append('\n');
    for (String fact : facts()) {
      text.append("  ").append(fact).append('\n');
    }
    return text.toString();
  }

  String toHtml() {
    StringBuilder html = new StringBuilder("<div class=\"iechorfile-step\">");
    html.append("<b>Step ").append(completed.step().number()).append("</b> <code>");
    html.append(Html.escape(firstLine(completed.source()))).append("</code><ul>");
    for (String fact : facts()) {
      html.append("<li>").append(Html.escape(fact)).append("</li>");
    }
    return html.append("</ul></div>").toString();
  }

  private List<String> facts() {
    List<String> facts = new ArrayList<>();
    String cache = completed.cache().hit() ? "cached" : "built";
    String reason = completed.cache().reason();
    facts.add(
        cache
            + " in "
            + seconds(completed.duration().toMillis())
            + (reason.isEmpty() ? "" : " (" + reason + ")"));
    org.iechorfile.engine.ChangeCard card = completed.card();
    if (card.changedFiles()) {
      facts.add(
          "files: "
              + card.added()
              + " added, "
              + card.changed()
              + " changed, "
              + card.removed()
              + " removed ("
              + ByteSizes.format(card.bytesAdded())
              + " written"
              + (card.bytesRemoved() > 0
                  ? ", " + ByteSizes.format(card.bytesRemoved()) + " removed"
                  : "")
              + ")");
      for (org.iechorfile.engine.ChangeCard.PathSize path : card.biggest()) {
        facts.add("  " + path.path() + " (" + ByteSizes.format(path.bytes()) + ")");
      }
    }
    for (LayerCommitted committed : layer) {
      facts.add(
          "layer: "
              + ByteSizes.format(committed.bytes())
              + " in "
              + committed.entries()
              + (committed.entries() == 1 ? " entry" : " entries"));
    }
    for (ConfigChange change : changes) {
      facts.add(change.field() + ": " + shown(change.before()) + " -> " + shown(change.after()));
    }
    for (Diagnostic warning : completed.warnings()) {
      String rule = warning.rule().isEmpty() ? "" : " [" + warning.rule() + "]";
      facts.add("warning: " + warning.message() + rule);
    }
    return facts;
  }

  private static String shown(String value) {
    return value.isEmpty() ? "(none)" : value;
  }

  private static String firstLine(String source) {
    String trimmed = source.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline) + " ...";
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
  }
}
