package org.iechorfile.kernel.handlers;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.Completeness;
import org.iechorfile.engine.Completions;
import org.iechorfile.engine.command.CommandTarget;
import org.iechorfile.engine.inspect.CursorHelp;
import org.iechorfile.engine.inspect.CursorInspector;
import org.iechorfile.kernel.protocol.Replies;
import org.iechorfile.kernel.protocol.Requests;

/**
 * Answers {@code is_complete_request}, {@code complete_request} and {@code inspect_request} from
 * the engine's {@link Analysis}; all offsets are code points, as protocol 5.2 says. Inspecting an
 * image path shows what is at that path in the session's current image. Used on the shell thread,
 * like the session.
 */
public final class AnalysisHandlers {

  private static final System.Logger LOG = System.getLogger(AnalysisHandlers.class.getName());

  private final Supplier<Analysis> analysis;
  private final Supplier<CursorInspector> inspector;

  /** Handlers over {@code analysis}, asked for on the first request; paths are not looked up. */
  public AnalysisHandlers(Supplier<Analysis> analysis) {
    this(analysis, () -> new CursorInspector(analysis.get()));
  }

  private AnalysisHandlers(Supplier<Analysis> analysis, Supplier<CursorInspector> inspector) {
    this.analysis = analysis;
    this.inspector = inspector;
  }

  /**
   * Handlers over a session's analysis that also show what is at an image path under the cursor.
   *
   * @param target the session and its analysis, asked for on the first request
   */
  public static AnalysisHandlers withImage(Supplier<CommandTarget> target) {
    return new AnalysisHandlers(
        () -> target.get().analysis(),
        () -> {
          CommandTarget opened = target.get();
          return new CursorInspector(opened.analysis(), opened.session());
        });
  }

  /** The {@code is_complete_request} handler. */
  public Handler isComplete() {
    return exchange -> exchange.reply(isComplete(exchange.content(Requests.IsComplete.class)));
  }

  /** The {@code complete_request} handler. */
  public Handler complete() {
    return exchange -> exchange.reply(complete(exchange.content(Requests.Complete.class)));
  }

  /** The {@code inspect_request} handler. */
  public Handler inspect() {
    return exchange -> exchange.reply(inspect(exchange.content(Requests.Inspect.class)));
  }

  Replies.IsComplete isComplete(Requests.IsComplete request) {
    Completeness verdict = analysis.get().analyzeCompleteness(request.code());
    switch (verdict.status()) {
      case INCOMPLETE:
        return new Replies.IsComplete("incomplete", "  ");
      case INVALID:
        return new Replies.IsComplete("invalid", "");
      default:
        return new Replies.IsComplete("complete", "");
    }
  }

  Replies.Complete complete(Requests.Complete request) {
    Completions found = analysis.get().complete(request.code(), request.cursorPos());
    return new Replies.Complete("ok", found.texts(), found.start(), found.end(), Map.of());
  }

  Replies.Inspect inspect(Requests.Inspect request) {
    try {
      Optional<CursorHelp> help = inspector.get().at(request.code(), request.cursorPos());
      if (help.isPresent()) {
        return new Replies.Inspect(
            "ok",
            true,
            Map.of("text/plain", help.get().plainText(), "text/markdown", help.get().markdown()),
            Map.of());
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot look at the image under the cursor", e);
    }
    return new Replies.Inspect("ok", false, Map.of(), Map.of());
  }
}
