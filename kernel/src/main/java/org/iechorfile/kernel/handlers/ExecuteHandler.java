package org.iechorfile.kernel.handlers;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;
import org.iechorfile.engine.command.CommandTarget;
import org.iechorfile.kernel.protocol.Outputs;
import org.iechorfile.kernel.protocol.Replies;
import org.iechorfile.kernel.protocol.Requests;
import org.iechorfile.kernel.wire.MalformedMessageException;

/**
 * Answers {@code execute_request}: publishes the input, runs the cell, publishes its outputs and
 * its error, and replies with the execution count. After a failure with {@code stop_on_error},
 * execute requests sent before the failure are aborted (JupyterLab's "Run all" queues them all).
 * Runs on the shell thread; {@link #interrupt()} may be called from the control thread.
 */
public final class ExecuteHandler implements Handler {

  private final Supplier<CommandTarget> target;
  private volatile Optional<CellRunner> runner = Optional.empty();
  private final History history;
  private final Clock clock;
  private int executionCount;
  private Instant abortBefore = Instant.MIN;

  /**
   * A handler applying cells to {@code session}.
   *
   * @param target the session (used from the shell thread only) and its analysis; asked for on the
   *     first execute request
   * @param history receives each stored cell
   * @param clock tells when a failure happened
   */
  public ExecuteHandler(Supplier<CommandTarget> target, History history, Clock clock) {
    this.target = target;
    this.history = history;
    this.clock = clock;
  }

  /** Stops the running step and the rest of its cell; callable from any thread. */
  public void interrupt() {
    runner.ifPresent(CellRunner::interrupt);
  }

  @Override
  public void handle(Exchange exchange) throws MalformedMessageException {
    Requests.Execute request = exchange.content(Requests.Execute.class);
    if (sentBefore(exchange, abortBefore)) {
      exchange.reply(Replies.ExecuteError.aborted(executionCount));
      return;
    }
    if (request.storeHistory()) {
      executionCount++;
    }
    int count = executionCount;
    if (!request.silent()) {
      exchange.publish("execute_input", new Outputs.ExecuteInput(request.code(), count));
    }
    CellOutput out = new CellOutput(exchange, request.silent(), count);
    CellRunner.Outcome outcome = runner().run(request.code(), cellId(exchange), out);
    outcome.result().ifPresent(out::result);
    if (request.storeHistory()) {
      history.add(count, request.code(), resultText(outcome));
    }
    if (outcome.error().isPresent()) {
      Traceback error = outcome.error().get();
      if (!request.silent()) {
        exchange.publish("error", Replies.Error.of(error.ename(), error.evalue(), error.lines()));
      }
      if (request.stopOnError()) {
        abortBefore = clock.instant();
      }
      exchange.reply(Replies.ExecuteError.of(count, error.ename(), error.evalue(), error.lines()));
    } else {
      exchange.reply(Replies.Execute.ok(count, outcome.pages()));
    }
  }

  private CellRunner runner() {
    if (runner.isEmpty()) {
      runner = Optional.of(new CellRunner(target.get()));
    }
    return runner.get();
  }

  private static String resultText(CellRunner.Outcome outcome) {
    return outcome
        .result()
        .map(data -> String.valueOf(data.getOrDefault("text/plain", "")))
        .orElse("");
  }

  private static String cellId(Exchange exchange) {
    Object id = exchange.request().metadata().get("cellId");
    return id instanceof String ? (String) id : "";
  }

  private static boolean sentBefore(Exchange exchange, Instant limit) {
    if (limit.equals(Instant.MIN)) {
      return false;
    }
    Optional<Instant> sent = parse(exchange.request().header().date());
    return sent.isPresent() && sent.get().isBefore(limit);
  }

  private static Optional<Instant> parse(String date) {
    try {
      return Optional.of(OffsetDateTime.parse(date).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
