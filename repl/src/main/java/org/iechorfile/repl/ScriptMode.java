package org.iechorfile.repl;

import java.io.PrintWriter;
import org.iechorfile.engine.Segment;
import org.iechorfile.engine.command.CommandParser;
import org.iechorfile.engine.command.CommandResult;
import org.iechorfile.engine.command.CommandTarget;
import org.iechorfile.engine.command.ScriptObserver;
import org.iechorfile.engine.command.ScriptOutcome;
import org.iechorfile.engine.command.ScriptRunner;

/**
 * Runs standard input that is not a terminal as a script: each instruction and {@code %} command in
 * turn, printed plainly, stopping at the first that fails.
 */
public final class ScriptMode {

  private ScriptMode() {}

  /**
   * Runs {@code script} against the target's session, printing to {@code out} (not closed).
   *
   * @return the exit status: 0 when everything ran, 1 when a step or command failed
   */
  public static int run(String script, CommandTarget target, PrintWriter out, Styles styles) {
    EventPrinter printer = new EventPrinter(out, styles, false);
    ResultPrinter results = new ResultPrinter(out, styles);
    target.session().addListener(printer);
    try {
      ScriptOutcome outcome =
          new ScriptRunner(CommandParser.standard())
              .run(
                  script,
                  target,
                  new ScriptObserver() {
                    @Override
                    public boolean starting(Segment segment) {
                      if (segment.kind() == Segment.Kind.COMMAND) {
                        out.println(styles.bold(segment.text()));
                      }
                      return true;
                    }

                    @Override
                    public void commandFinished(Segment segment, CommandResult result) {
                      results.print(result);
                    }
                  });
      if (!outcome.succeeded()) {
        out.println(
            styles.error(
                "stopped at line "
                    + outcome.failed().get().line()
                    + " ("
                    + outcome.failed().get().keyword()
                    + "); "
                    + (outcome.segments() - outcome.ran())
                    + " later instructions and commands did not run"));
      }
      out.flush();
      return outcome.succeeded() ? 0 : 1;
    } finally {
      target.session().removeListener(printer);
    }
  }
}
