package org.iechorfile.engine.session;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.ChangeCard;
import org.iechorfile.engine.ConfigChange;
import org.iechorfile.engine.ConfigChanged;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.StepFailed;
import org.iechorfile.engine.StepId;
import org.iechorfile.engine.StepRejected;
import org.iechorfile.engine.StepStarted;
import org.iechorfile.engine.instruction.Arg;
import org.iechorfile.engine.instruction.ExpansionResult;
import org.iechorfile.engine.instruction.From;
import org.iechorfile.engine.instruction.Instruction;
import org.iechorfile.engine.instruction.InstructionExpander;
import org.iechorfile.engine.instruction.InstructionParser;
import org.iechorfile.engine.instruction.ParseResult;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.syntax.LineParser;
import org.iechorfile.engine.syntax.Node;
import org.iechorfile.engine.syntax.ParsedFile;

/**
 * Turns typed source into new live steps, one instruction at a time: types each, checks it has a
 * stage, expands its variables, starts it, has the {@link StepExecutor} carry it out, maps what
 * went wrong to a rejection or a failure, and records the step with its config changes and change
 * card. The step running can be cancelled from any thread.
 */
final class StepApplier {

  private static final System.Logger LOG = System.getLogger(StepApplier.class.getName());

  private final InstructionParser parser = new InstructionParser();
  private final Clock clock;
  private final Timeline timeline;
  private final StepHistory history;
  private final StepExecutor executor;
  private final SessionLayers layers;
  private volatile Cancellation running = new Cancellation();

  StepApplier(
      Clock clock,
      Timeline timeline,
      StepHistory history,
      StepExecutor executor,
      SessionLayers layers) {
    this.clock = clock;
    this.timeline = timeline;
    this.history = history;
    this.executor = executor;
    this.layers = layers;
  }

  /**
   * Applies the instructions in {@code source} in order, stopping at the first that is rejected or
   * fails; a syntax error outside every instruction rejects the source after the instructions.
   */
  void applySource(String source, EventLog log) {
    ParsedFile file = LineParser.parse(source);
    if (file.nodes().isEmpty() && !source.isBlank() && StepInputs.hasRealErrors(file)) {
      log.emit(new StepRejected(timeline.nextId(), source, StepInputs.errors(file.diagnostics())));
      return;
    }
    List<Diagnostic> lineErrors = StepInputs.errors(file.diagnostics());
    for (Node node : file.nodes()) {
      List<Diagnostic> nodeErrors = StepInputs.within(lineErrors, node);
      if (!nodeErrors.isEmpty()) {
        log.emit(new StepRejected(timeline.nextId(), node.original(), nodeErrors));
        return;
      }
      if (!apply(node, file.escape(), log)) {
        return;
      }
    }
    for (Diagnostic error : lineErrors) {
      if (file.nodes().stream().noneMatch(n -> StepInputs.contains(n, error))) {
        log.emit(new StepRejected(timeline.nextId(), source, List.of(error)));
        break;
      }
    }
  }

  /**
   * Applies {@code node} (written with {@code escape}) on the current step.
   *
   * @return whether it became a live step; when not, {@code log} ends with its {@code StepRejected}
   *     or {@code StepFailed}
   */
  boolean apply(Node node, char escape, EventLog log) {
    StepId id = timeline.nextId();
    ParseResult typed = parser.parse(node);
    if (typed.instruction().isEmpty()) {
      return reject(id, node, StepInputs.errors(typed.diagnostics()), log);
    }
    Instruction instruction = typed.instruction().get();
    ImageState state = timeline.current();
    if (!state.inStage() && !(instruction instanceof From) && !(instruction instanceof Arg)) {
      return reject(
          id,
          node,
          List.of(
              Diagnostic.error(
                  "no build stage in current context; start one with FROM (for example FROM"
                      + " busybox)",
                  node.span())),
          log);
    }
    ExpansionResult expansion =
        new InstructionExpander(escape)
            .expand(instruction, StepInputs.variables(state, instruction));
    if (expansion.instruction().isEmpty()) {
      return reject(id, node, StepInputs.errors(expansion.diagnostics()), log);
    }
    return dispatch(
        id, node, escape, expansion.instruction().get(), state, typed.diagnostics(), log);
  }

  /** Cancels the running step, if any; callable from any thread. */
  void stop() {
    running.cancel();
  }

  private static boolean reject(StepId id, Node node, List<Diagnostic> errors, EventLog log) {
    log.emit(new StepRejected(id, node.original(), errors));
    return false;
  }

  private boolean dispatch(
      StepId id,
      Node node,
      char escape,
      Instruction instruction,
      ImageState state,
      List<Diagnostic> warnings,
      EventLog log) {
    Instant start = clock.instant();
    layers.dropFailed();
    log.emit(new StepStarted(id, node.original(), start));
    Optional<StepExecutor.Executed> executed = execute(id, node, escape, instruction, state, log);
    if (executed.isEmpty()) {
      return false;
    }
    ImageState next = executed.get().state();
    List<ConfigChange> changes = ConfigDiff.between(state.config(), next.config());
    if (!changes.isEmpty()) {
      log.emit(new ConfigChanged(id, changes));
    }
    Duration duration = Duration.between(start, clock.instant());
    ChangeCard card = ChangeCards.of(state, next, changes, duration, executed.get().cache());
    String keyword = instruction.keyword().name();
    history.record(
        new StepRecord(id, node, keyword, next, duration, executed.get().cache(), escape, card));
    log.emit(
        new StepCompleted(id, node.original(), duration, executed.get().cache(), warnings, card));
    return true;
  }

  /** Carries out the step, or emits why it was rejected or failed and returns nothing. */
  private Optional<StepExecutor.Executed> execute(
      StepId id, Node node, char escape, Instruction instruction, ImageState state, EventLog log) {
    Cancellation cancellation = new Cancellation();
    running = cancellation;
    try {
      return Optional.of(executor.execute(id, instruction, escape, state, cancellation, log));
    } catch (StepRejection e) {
      reject(id, node, e.diagnostics(), log);
    } catch (StepFailure e) {
      log.emit(new StepFailed(id, node.original(), e.failure()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.emit(
          new StepFailed(
              id,
              node.original(),
              Failure.of(Failure.Kind.CANCELLED, "interrupted; nothing was kept")));
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "step failed on I/O", e);
      log.emit(
          new StepFailed(
              id,
              node.original(),
              Failure.of(
                  Failure.Kind.UNSUPPORTED,
                  "the store could not be read or written: " + e.getMessage())));
    }
    return Optional.empty();
  }
}
