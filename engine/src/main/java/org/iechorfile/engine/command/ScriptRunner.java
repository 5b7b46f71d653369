package org.iechorfile.engine.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.Segment;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepFailed;
import org.iechorfile.engine.StepRejected;

/**
 * Runs a script, a notebook cell or a loaded file: splits it into instructions and {@code %}
 * command lines with the analysis, and applies them in order through the session and the shared
 * command parser, stopping at the first that fails or is rejected. The REPL's script mode, {@code
 * build}, {@code %load} and the kernel all run input this way. Use from the session's thread.
 */
public final class ScriptRunner {

  private final CommandParser parser;

  /** A runner whose {@code %} lines are read by {@code parser}. */
  public ScriptRunner(CommandParser parser) {
    this.parser = parser;
  }

  /**
   * Runs {@code text}.
   *
   * @param text the script; not null
   * @param target the session and its surroundings
   * @param observer told before each segment and after each command
   * @return how it ended; the session's events also went to its listeners
   */
  public ScriptOutcome run(String text, CommandTarget target, ScriptObserver observer) {
    List<Segment> segments = target.analysis().segments(text);
    List<SessionEvent> events = new ArrayList<>();
    int ran = 0;
    for (Segment segment : segments) {
      if (!observer.starting(segment)) {
        break;
      }
      ran++;
      boolean ok;
      if (segment.kind() == Segment.Kind.INSTRUCTION) {
        List<SessionEvent> applied = target.session().apply(segment.text());
        events.addAll(applied);
        ok = applied.stream().noneMatch(e -> e instanceof StepFailed || e instanceof StepRejected);
      } else {
        CommandResult result = parser.parse(segment.text()).execute(target);
        if (result instanceof CommandResult.Events moved) {
          events.addAll(moved.events());
        }
        observer.commandFinished(segment, result);
        ok = result.succeeded();
      }
      if (!ok) {
        return new ScriptOutcome(segments.size(), ran, Optional.of(segment), events);
      }
    }
    return new ScriptOutcome(segments.size(), ran, Optional.empty(), events);
  }
}
