package org.iechorfile.engine.session;

import java.io.IOException;
import java.util.List;
import org.iechorfile.engine.CacheOutcome;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.LayerCommitted;
import org.iechorfile.engine.OutputChunk;
import org.iechorfile.engine.PullProgress;
import org.iechorfile.engine.StepId;
import org.iechorfile.engine.instruction.Add;
import org.iechorfile.engine.instruction.Copy;
import org.iechorfile.engine.instruction.ExpansionResult;
import org.iechorfile.engine.instruction.From;
import org.iechorfile.engine.instruction.Instruction;
import org.iechorfile.engine.instruction.InstructionExpander;
import org.iechorfile.engine.instruction.InstructionParser;
import org.iechorfile.engine.instruction.ParseResult;
import org.iechorfile.engine.instruction.Run;
import org.iechorfile.engine.instruction.Workdir;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.syntax.LineParser;
import org.iechorfile.engine.syntax.ParsedFile;

/**
 * Carries out one expanded instruction on an image state: hands it to the FROM, RUN, config,
 * WORKDIR or COPY/ADD dispatch, emits its output, pull progress and layer, and after a FROM runs
 * the base image's ONBUILD triggers.
 */
final class StepExecutor {

  private final InstructionParser parser = new InstructionParser();
  private final ConfigDispatch.Factory configs;
  private final FromDispatch froms;
  private final RunDispatch runs;
  private final CopyDispatch copies;
  private final WorkdirDispatch workdirs;
  private final StepSettings settings;
  private final SessionLayers layers;

  private StepExecutor(
      ConfigDispatch.Factory configs,
      FromDispatch froms,
      RunDispatch runs,
      CopyDispatch copies,
      WorkdirDispatch workdirs,
      StepSettings settings,
      SessionLayers layers) {
    this.configs = configs;
    this.froms = froms;
    this.runs = runs;
    this.copies = copies;
    this.workdirs = workdirs;
    this.settings = settings;
    this.layers = layers;
  }

  /** Wires the dispatches of a session set up as {@code setup}. */
  static StepExecutor create(
      SessionSetup setup, StepSettings settings, SessionLayers layers, BuildCache cache) {
    StepLayers steps = layers.steps();
    RunMounts mounts =
        new RunMounts(setup.home(), settings::context, setup.secrets(), setup.images());
    RunDispatch runs =
        new RunDispatch(
            setup.sandbox(),
            steps,
            cache,
            mounts,
            () -> ProxyArgs.environment(setup.proxies(), settings.buildArgs()),
            setup.clock());
    CopyDispatch copies =
        new CopyDispatch(
            steps,
            cache,
            setup.images(),
            new AddSources(AddSources.defaultClient(), "git"),
            setup.clock());
    return new StepExecutor(
        buildArgs -> new ConfigDispatch(setup.clock().instant(), buildArgs),
        new FromDispatch(setup.images(), setup.platform()),
        runs,
        copies,
        new WorkdirDispatch(steps, cache, setup.clock()),
        settings,
        layers);
  }

  /** What carrying out one instruction gave. */
  record Executed(ImageState state, CacheOutcome cache) {}

  /**
   * Carries out {@code instruction} on {@code state}, then, for a FROM, the base image's ONBUILD
   * triggers (written with {@code escape}).
   */
  Executed execute(
      StepId id,
      Instruction instruction,
      char escape,
      ImageState state,
      Cancellation cancellation,
      EventLog log)
      throws StepRejection, StepFailure, InterruptedException, IOException {
    Executed executed = executeOne(id, instruction, state, cancellation, log);
    if (instruction instanceof From) {
      return new Executed(
          runTriggers(id, escape, executed.state(), cancellation, log), executed.cache());
    }
    return executed;
  }

  private Executed executeOne(
      StepId id, Instruction instruction, ImageState state, Cancellation cancellation, EventLog log)
      throws StepRejection, StepFailure, InterruptedException, IOException {
    BaseImages.Progress progress =
        (image, layer, done, total) -> log.emit(new PullProgress(id, image, layer, done, total));
    if (instruction instanceof From from) {
      return new Executed(froms.apply(state, from, progress), CacheOutcome.notApplicable());
    } else if (instruction instanceof Run run) {
      return run(id, run, state, cancellation, progress, log);
    } else if (instruction instanceof Workdir) {
      ImageState configured = configs.create(settings.buildArgs()).apply(state, instruction);
      WorkdirDispatch.Outcome result = workdirs.apply(state, configured, settings.cacheEnabled());
      result.layer().ifPresent(layer -> log.emit(committed(id, layer, result.entries())));
      return new Executed(result.state(), result.cache());
    } else if (ConfigDispatch.handles(instruction)) {
      return new Executed(
          configs.create(settings.buildArgs()).apply(state, instruction),
          CacheOutcome.notApplicable());
    } else if (instruction instanceof Copy copy) {
      return copy(id, CopyRequest.of(copy), state, progress, log);
    } else if (instruction instanceof Add add) {
      return copy(id, CopyRequest.of(add), state, progress, log);
    }
    throw new StepFailure(
        Failure.of(
            Failure.Kind.UNSUPPORTED,
            instruction.keyword() + " is not supported by this version of iechorfile"));
  }

  private Executed run(
      StepId id,
      Run run,
      ImageState state,
      Cancellation cancellation,
      BaseImages.Progress progress,
      EventLog log)
      throws StepFailure, InterruptedException, IOException {
    RunDispatch.Outcome result =
        runs.run(
            state,
            run,
            settings.cacheEnabled(),
            (channel, text) -> log.emit(new OutputChunk(id, channel, text)),
            cancellation,
            layers::keepFailed,
            progress);
    log.emit(committed(id, result.layer(), result.entries()));
    return new Executed(result.state(), result.cache());
  }

  private Executed copy(
      StepId id, CopyRequest request, ImageState state, BaseImages.Progress progress, EventLog log)
      throws StepRejection, StepFailure, InterruptedException, IOException {
    CopyDispatch.Outcome result =
        copies.apply(state, request, settings.context(), settings.cacheEnabled(), progress);
    log.emit(committed(id, result.layer(), result.entries()));
    return new Executed(result.state(), result.cache());
  }

  private static LayerCommitted committed(StepId id, LayerRef layer, long entries) {
    return new LayerCommitted(id, layer.id(), layer.bytes(), Math.max(0, entries));
  }

  /**
   * Runs the base image's ONBUILD triggers right after its FROM, in the new stage, as the reference
   * does; the image's own trigger list is then cleared.
   */
  private ImageState runTriggers(
      StepId id, char escape, ImageState state, Cancellation cancellation, EventLog log)
      throws StepRejection, StepFailure, InterruptedException, IOException {
    List<String> triggers = state.config().onBuild();
    if (triggers.isEmpty()) {
      return state;
    }
    ImageState next = state.withRuntimeConfig(state.config().withoutOnBuild());
    for (String trigger : triggers) {
      Instruction instruction = trigger(trigger, escape, next);
      next = executeOne(id, instruction, next, cancellation, log).state();
    }
    return next;
  }

  /** One ONBUILD trigger, parsed and expanded against {@code state}. */
  private Instruction trigger(String trigger, char escape, ImageState state) throws StepFailure {
    ParsedFile parsed = LineParser.parse(trigger);
    List<Diagnostic> errors = StepInputs.errors(parsed.diagnostics());
    if (parsed.nodes().size() != 1 || !errors.isEmpty()) {
      throw StepInputs.triggerFailure(trigger, errors);
    }
    ParseResult typed = parser.parse(parsed.nodes().get(0));
    if (typed.instruction().isEmpty()) {
      throw StepInputs.triggerFailure(trigger, StepInputs.errors(typed.diagnostics()));
    }
    Instruction instruction = typed.instruction().get();
    ExpansionResult expansion =
        new InstructionExpander(escape)
            .expand(instruction, StepInputs.variables(state, instruction));
    if (expansion.instruction().isEmpty()) {
      throw StepInputs.triggerFailure(trigger, StepInputs.errors(expansion.diagnostics()));
    }
    return expansion.instruction().get();
  }
}
