package org.iechorfile.engine.command;

import java.util.List;
import java.util.Objects;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.Documentation;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.SourceSpan;

/**
 * What a {@code %} command produced, for a front end to render: the REPL as text, the kernel as
 * rich outputs. A command never prints.
 */
public sealed interface CommandResult
    permits CommandResult.Message,
        CommandResult.Table,
        CommandResult.Events,
        CommandResult.Help,
        CommandResult.Rejected {

  /**
   * A rejection of the whole of {@code line} with one error.
   *
   * @param line the command line as typed
   * @param message what is wrong and what to do
   */
  static Rejected rejected(String line, String message) {
    return new Rejected(
        line, List.of(Diagnostic.error(message, SourceSpan.of(1, 1, Math.max(1, line.length())))));
  }

  /** Whether the command did what was asked ({@link Rejected} is the only failure). */
  default boolean succeeded() {
    return true;
  }

  /**
   * A short message ({@code cache off}).
   *
   * @param text one or more lines, without a final line feed
   */
  record Message(String text) implements CommandResult {
    public Message {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A table ({@code %steps}).
   *
   * @param headers the column headers
   * @param rows the rows, each with one cell per header
   */
  record Table(List<String> headers, List<List<String>> rows) implements CommandResult {
    public Table {
      headers = List.copyOf(headers);
      rows = rows.stream().map(List::copyOf).toList();
      for (List<String> row : rows) {
        if (row.size() != headers.size()) {
          throw new IllegalArgumentException(
              "a row has " + row.size() + " cells for " + headers.size() + " headers");
        }
      }
    }
  }

  /**
   * The session events the command caused ({@code %undo}); they were also delivered to the
   * session's listeners. Empty when there was nothing to do.
   *
   * @param events the events, in order
   * @param summary one line saying what happened ({@code undid 2 steps; now at step 3})
   */
  record Events(List<SessionEvent> events, String summary) implements CommandResult {
    public Events {
      events = List.copyOf(events);
      Objects.requireNonNull(summary, "summary");
    }

    @Override
    public boolean succeeded() {
      return events.stream()
          .noneMatch(
              e ->
                  e instanceof org.iechorfile.engine.StepFailed
                      || e instanceof org.iechorfile.engine.StepRejected);
    }
  }

  /**
   * Documentation ({@code %help RUN}).
   *
   * @param documentation the page
   */
  record Help(Documentation documentation) implements CommandResult {
    public Help {
      Objects.requireNonNull(documentation, "documentation");
    }
  }

  /**
   * The command line was wrong or could not be carried out as asked (a bad option, no such step, a
   * missing file); nothing changed.
   *
   * @param line the command line as typed
   * @param diagnostics what is wrong, with spans into {@code line}
   */
  record Rejected(String line, List<Diagnostic> diagnostics) implements CommandResult {
    public Rejected {
      Objects.requireNonNull(line, "line");
      diagnostics = List.copyOf(diagnostics);
      if (diagnostics.isEmpty()) {
        throw new IllegalArgumentException("a rejection needs at least one diagnostic");
      }
    }

    @Override
    public boolean succeeded() {
      return false;
    }
  }
}
