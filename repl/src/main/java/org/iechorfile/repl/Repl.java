package org.iechorfile.repl;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.iechorfile.engine.Segment;
import org.iechorfile.engine.command.CommandParser;
import org.iechorfile.engine.command.CommandResult;
import org.iechorfile.engine.command.CommandTarget;
import org.iechorfile.engine.command.ScriptObserver;
import org.iechorfile.engine.command.ScriptRunner;
import org.iechorfile.engine.inspect.CursorInspector;
import org.iechorfile.engine.session.Session;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive REPL: reads instructions and {@code %} commands with JLine (highlighting,
 * completion, multi-line input, persistent history), applies them through the session and prints
 * what happens. Ctrl-C clears the line, or stops the running step; Ctrl-D leaves, after a reminder
 * when the session has steps. Alt-h or F1 explains what is under the cursor.
 */
public final class Repl {

  private static final System.Logger LOG = System.getLogger(Repl.class.getName());

  private final Terminal terminal;
  private final CommandTarget target;
  private final Path history;
  private final Styles styles;
  private final ScriptRunner runner = new ScriptRunner(CommandParser.standard());

  /**
   * A REPL on {@code terminal}.
   *
   * @param terminal the terminal; not closed by the REPL
   * @param target the session, the analysis (with the session's completion source) and the
   *     directory relative paths start from
   * @param history the history file, kept across runs
   * @param styles colours, or none
   */
  public Repl(Terminal terminal, CommandTarget target, Path history, Styles styles) {
    this.terminal = terminal;
    this.target = target;
    this.history = history;
    this.styles = styles;
  }

  /** Reads and runs input until Ctrl-D (or the end of input); returns the exit status, 0. */
  public int run() {
    LineReader reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("iechorfile")
            .parser(new ReplParser(target.analysis()))
            .completer(new ReplCompleter(target.analysis()))
            .highlighter(new ReplHighlighter(target.analysis(), styles))
            .variable(LineReader.HISTORY_FILE, history)
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%M> ")
            .variable(LineReader.HISTORY_SIZE, 5000)
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .option(LineReader.Option.AUTO_FRESH_LINE, true)
            .build();
    PrintWriter out = terminal.writer();
    Session session = target.session();
    HelpKey.bind(reader, new CursorInspector(target.analysis(), session), styles);
    EventPrinter printer = new EventPrinter(out, styles, styles.colour());
    ResultPrinter results = new ResultPrinter(out, styles);
    session.addListener(printer);
    terminal.handle(Terminal.Signal.INT, signal -> session.stop());
    out.println("iechorfile: type an instruction (FROM busybox), %help, or Ctrl-D to leave");
    out.flush();
    boolean warned = false;
    try {
      while (true) {
        String input;
        try {
          input = reader.readLine(Prompt.of(session, styles));
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          if (!warned && !session.steps().isEmpty()) {
            warned = true;
            out.println(
                styles.warning(
                    "the session has "
                        + session.steps().size()
                        + (session.steps().size() == 1 ? " step" : " steps")
                        + " that were never exported; press Ctrl-D again to leave"));
            out.flush();
            continue;
          }
          return 0;
        }
        warned = false;
        runLine(input, results, out);
      }
    } finally {
      session.removeListener(printer);
    }
  }

  private void runLine(String input, ResultPrinter results, PrintWriter out) {
    try {
      runner.run(input, target, observer(results, out));
    } catch (RuntimeException e) {
      // The outermost loop: an engine fault must not end the REPL.
      LOG.log(System.Logger.Level.DEBUG, "engine fault", e);
      out.println(
          styles.error(
              "internal error: "
                  + e.getMessage()
                  + "; the session may be inconsistent: %reset to start over, or leave with"
                  + " Ctrl-D"));
      out.flush();
    }
  }

  private ScriptObserver observer(ResultPrinter results, PrintWriter out) {
    return new ScriptObserver() {
      @Override
      public boolean starting(Segment segment) {
        return true;
      }

      @Override
      public void commandFinished(Segment segment, CommandResult result) {
        results.print(result);
        if (result instanceof CommandResult.Help help
            && target.analysis().help("").equals(Optional.of(help.documentation()))) {
          out.print(HelpKey.KEYS);
          out.flush();
        }
      }
    };
  }
}
