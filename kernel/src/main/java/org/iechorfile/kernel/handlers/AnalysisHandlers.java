package org.iechorfile.kernel.handlers;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.Completeness;
import org.iechorfile.engine.Completions;
import org.iechorfile.engine.Documentation;
import org.iechorfile.kernel.protocol.Replies;
import org.iechorfile.kernel.protocol.Requests;

/**
 * Answers {@code is_complete_request}, {@code complete_request} and {@code inspect_request} from
 * the engine's {@link Analysis}; all offsets are code points, as protocol 5.2 says.
 */
public final class AnalysisHandlers {

  private final Supplier<Analysis> analysis;

  /** Handlers over {@code analysis}, asked for on the first request. */
  public AnalysisHandlers(Supplier<Analysis> analysis) {
    this.analysis = analysis;
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
    Optional<Documentation> docs = analysis.get().inspect(request.code(), request.cursorPos());
    if (docs.isPresent()) {
      return new Replies.Inspect(
          "ok",
          true,
          Map.of("text/plain", docs.get().toPlainText(), "text/markdown", docs.get().toMarkdown()),
          Map.of());
    }
    return new Replies.Inspect("ok", false, Map.of(), Map.of());
  }
}
