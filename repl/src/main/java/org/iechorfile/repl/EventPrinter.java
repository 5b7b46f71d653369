package org.iechorfile.repl;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iechorfile.engine.ByteSizes;
import org.iechorfile.engine.ConfigChange;
import org.iechorfile.engine.ConfigChanged;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.LayerCommitted;
import org.iechorfile.engine.OutputChunk;
import org.iechorfile.engine.PullProgress;
import org.iechorfile.engine.SessionListener;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.StepFailed;
import org.iechorfile.engine.StepId;
import org.iechorfile.engine.StepRedone;
import org.iechorfile.engine.StepRejected;
import org.iechorfile.engine.StepStarted;
import org.iechorfile.engine.StepUndone;
import org.iechorfile.engine.command.Durations;

/**
 * Prints a session's events as they happen: the step being run, its live output, pull progress (a
 * bar redrawn in place on a terminal, one line per finished layer otherwise), what it changed and a
 * one-line summary with time, size and why it was or was not cached. Failures and rejections are
 * printed in red, with a caret under the offending span. Thread-safe: output may arrive from worker
 * threads.
 */
public final class EventPrinter implements SessionListener {

  private static final int BAR = 24;

  private final PrintWriter out;
  private final Styles styles;
  private final boolean live;
  private final Map<StepId, Long> layerBytes = new HashMap<>();
  private final Set<StepId> printedOutput = new HashSet<>();
  private boolean midLine;
  private boolean barShown;

  /**
   * A printer writing to {@code out}.
   *
   * @param out where to print; not closed
   * @param styles colours, or none
   * @param live whether {@code out} is a terminal where a progress bar can be redrawn in place
   */
  public EventPrinter(PrintWriter out, Styles styles, boolean live) {
    this.out = out;
    this.styles = styles;
    this.live = live;
  }

  @Override
  public synchronized void stepStarted(StepStarted event) {
    endLine();
    out.println(styles.bold(event.step() + " " + Text.firstLine(event.source())));
    out.flush();
  }

  @Override
  public synchronized void outputChunk(OutputChunk event) {
    clearBar();
    String text =
        event.channel() == OutputChunk.Channel.STDERR && styles.colour()
            ? styles.dim(event.text())
            : event.text();
    out.print(text);
    printedOutput.add(event.step());
    midLine = !event.text().endsWith("\n") && !event.text().isEmpty();
    out.flush();
  }

  @Override
  public synchronized void pullProgress(PullProgress event) {
    if (live) {
      endLine();
      int filled =
          event.bytesTotal() <= 0
              ? BAR
              : (int) Math.min(BAR, event.bytesDone() * BAR / event.bytesTotal());
      out.print(
          "\r  pulling "
              + event.layer()
              + " ["
              + "=".repeat(filled)
              + " ".repeat(BAR - filled)
              + "] "
              + ByteSizes.format(event.bytesDone())
              + " / "
              + ByteSizes.format(event.bytesTotal())
              + "\u001b[K");
      barShown = true;
      if (event.finished()) {
        out.println();
        barShown = false;
      }
    } else if (event.finished()) {
      out.println(
          "  pulled layer " + event.layer() + " (" + ByteSizes.format(event.bytesTotal()) + ")");
    }
    out.flush();
  }

  @Override
  public synchronized void layerCommitted(LayerCommitted event) {
    layerBytes.put(event.step(), event.bytes());
  }

  @Override
  public synchronized void configChanged(ConfigChanged event) {
    endLine();
    for (ConfigChange change : event.changes()) {
      String before = change.before().isEmpty() ? "(unset)" : change.before();
      String after = change.after().isEmpty() ? "(unset)" : change.after();
      out.println(styles.dim("  " + change.field() + ": " + before + " -> " + after));
    }
    out.flush();
  }

  @Override
  public synchronized void stepRejected(StepRejected event) {
    endLine();
    for (Diagnostic diagnostic : event.diagnostics()) {
      Carets.print(out, styles, event.source(), diagnostic);
    }
    out.println(styles.dim("  nothing changed; fix the line and enter it again"));
    out.flush();
  }

  @Override
  public synchronized void stepFailed(StepFailed event) {
    endLine();
    out.println(styles.error("x " + event.step() + " failed: " + event.failure().message()));
    // The detail repeats the last lines of output; show it only when the output was not shown.
    if (!printedOutput.remove(event.step()) && !event.failure().detail().isEmpty()) {
      out.println(styles.dim(event.failure().detail().stripTrailing()));
    }
    out.flush();
  }

  @Override
  public synchronized void stepCompleted(StepCompleted event) {
    endLine();
    StringBuilder line = new StringBuilder();
    line.append("ok ").append(event.step()).append(' ').append(Durations.format(event.duration()));
    printedOutput.remove(event.step());
    Long bytes = layerBytes.remove(event.step());
    if (bytes != null) {
      line.append(", +").append(ByteSizes.format(bytes));
    }
    if (event.cache().hit()) {
      line.append(", cached");
    } else if (!event.cache().reason().equals("config-only step")) {
      line.append(", not cached: ").append(event.cache().reason());
    }
    out.println(styles.ok(line.toString()));
    org.iechorfile.engine.ChangeCard card = event.card();
    if (card.changedFiles()) {
      out.println(styles.dim("  " + filesLine(card)));
    }
    for (Diagnostic warning : event.warnings()) {
      out.println(styles.warning("  warning: " + warning.message()));
    }
    out.flush();
  }

  @Override
  public synchronized void stepUndone(StepUndone event) {
    endLine();
    out.println(styles.dim("undone " + event.step() + " " + Text.firstLine(event.source())));
    out.flush();
  }

  @Override
  public synchronized void stepRedone(StepRedone event) {
    endLine();
    out.println(styles.dim("redone " + event.step() + " " + Text.firstLine(event.source())));
    out.flush();
  }

  /** {@code files: +3 ~1 -0; biggest /app/lib.so 2.1 MB, /app/run 12 KB}. */
  static String filesLine(org.iechorfile.engine.ChangeCard card) {
    StringBuilder line =
        new StringBuilder("files: +")
            .append(card.added())
            .append(" ~")
            .append(card.changed())
            .append(" -")
            .append(card.removed());
    List<String> biggest = new ArrayList<>();
    for (org.iechorfile.engine.ChangeCard.PathSize path : card.biggest()) {
      biggest.add(path.path() + " " + ByteSizes.format(path.bytes()));
    }
    if (!biggest.isEmpty()) {
      line.append("; biggest ").append(String.join(", ", biggest));
    }
    return line.toString();
  }

  private void endLine() {
    clearBar();
    if (midLine) {
      out.println();
      midLine = false;
    }
  }

  private void clearBar() {
    if (barShown) {
      out.print("\r\u001b[K");
      barShown = false;
    }
  }
}
