package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.iechorfile.engine.CacheOutcome;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.OutputChunk;
import org.iechorfile.engine.fs.LayeredView;
import org.iechorfile.engine.image.HistoryEntry;
import org.iechorfile.engine.instruction.NetworkMode;
import org.iechorfile.engine.instruction.Run;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.spi.Sandbox;
import org.iechorfile.engine.spi.SandboxException;
import org.iechorfile.engine.spi.SandboxMount;
import org.iechorfile.engine.spi.SandboxOutput;
import org.iechorfile.engine.spi.SandboxRequest;
import org.iechorfile.engine.spi.SandboxResult;
import org.iechorfile.engine.syntax.Heredoc;

/**
 * Carries out RUN: builds the command line (shell, exec or heredoc form), the environment (ENV,
 * then the ARGs in scope), the user and the mounts, looks the step up in the build cache, and
 * otherwise runs it in the sandbox on a fresh upper directory that becomes the step's layer.
 */
final class RunDispatch {

  static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  private static final int TAIL_LINES = 10;

  private final Sandbox sandbox;
  private final StepLayers layers;
  private final BuildCache cache;
  private final RunMounts mounts;
  private final Supplier<Map<String, String>> proxies;
  private final Clock clock;

  /**
   * @param proxies the proxy variables RUN gets besides ENV and the ARGs in scope, read at each
   *     step; they are not part of the cache key
   */
  RunDispatch(
      Sandbox sandbox,
      StepLayers layers,
      BuildCache cache,
      RunMounts mounts,
      Supplier<Map<String, String>> proxies,
      Clock clock) {
    this.sandbox = sandbox;
    this.layers = layers;
    this.cache = cache;
    this.mounts = mounts;
    this.proxies = proxies;
    this.clock = clock;
  }

  /** What a RUN produced. */
  record Outcome(ImageState state, CacheOutcome cache, LayerRef layer, long entries) {}

  /**
   * Runs {@code run} on {@code state}. Output goes to {@code output} as it arrives. A failed
   * command's draft is handed to {@code failedDraft} for inspection instead of being removed.
   */
  Outcome run(
      ImageState state,
      Run run,
      boolean useCache,
      BiConsumer<OutputChunk.Channel, String> output,
      Cancellation cancellation,
      java.util.function.Consumer<StepLayers.Draft> failedDraft,
      BaseImages.Progress progress)
      throws StepFailure, InterruptedException, IOException {
    List<String> argv = argv(state, run);
    Map<String, StageOrImage.Found> sources = mounts.sources(state, run.mounts(), progress);
    List<String> keyParts = keyParts(state, run, argv);
    keyParts.addAll(RunMounts.describeSources(sources));
    String key = CacheKeys.next(state.key(), keyParts);
    HistoryEntry history =
        HistoryEntry.of(clock.instant(), "RUN " + String.join(" ", argv) + " # buildkit", false);
    if (useCache) {
      Optional<LayerRef> reused = cache.reuse(layers, key, state.key(), keyParts);
      if (reused.isPresent()) {
        LayerRef layer = reused.get();
        return new Outcome(
            state.withLayer(layer, state.config(), history, key),
            new CacheOutcome(true, "same command on the same parent"),
            layer,
            -1);
      }
    }
    CacheOutcome why = cache.miss(useCache, state.key(), keyParts);
    List<String> missing = sandbox.missingPrerequisites();
    if (!missing.isEmpty()) {
      throw new StepFailure(
          Failure.of(
              Failure.Kind.SANDBOX_UNAVAILABLE,
              "this machine cannot run RUN steps: " + String.join("; ", missing)));
    }
    StepLayers.Draft draft = layers.draft();
    // Set once the draft is kept (a failed step's, to inspect) or handed to the background.
    boolean leaveDraft = false;
    try {
      Tail tail = new Tail(TAIL_LINES);
      SandboxResult result = execute(state, run, argv, sources, draft, output, tail, cancellation);
      if (result.cancelled()) {
        throw new StepFailure(
            Failure.of(Failure.Kind.CANCELLED, "RUN was stopped; nothing was kept"));
      }
      if (!result.succeeded()) {
        leaveDraft = true;
        failedDraft.accept(draft);
        throw new StepFailure(
            new Failure(
                Failure.Kind.COMMAND_FAILED,
                "RUN "
                    + shortCommand(argv)
                    + " exited with status "
                    + result.exitCode()
                    + "; the session stays on the last good step (fix the command and apply it"
                    + " again)",
                tail.lines(),
                OptionalInt.of(result.exitCode())));
      }
      long entries = Sizes.entries(draft.upper());
      String id = UUID.randomUUID().toString().replace("-", "");
      LayerRef layer = layers.commit(draft, id);
      layers.discardLater(draft);
      leaveDraft = true;
      LayeredView.overlayUpperWritten(layer.directory());
      if (useCache) {
        cache.record(key, id);
        cache.remember(state.key(), keyParts);
      }
      return new Outcome(state.withLayer(layer, state.config(), history, key), why, layer, entries);
    } finally {
      if (!leaveDraft) {
        layers.discard(draft);
      }
    }
  }

  private SandboxResult execute(
      ImageState state,
      Run run,
      List<String> argv,
      Map<String, StageOrImage.Found> sources,
      StepLayers.Draft draft,
      BiConsumer<OutputChunk.Channel, String> output,
      Tail tail,
      Cancellation cancellation)
      throws StepFailure, InterruptedException, IOException {
    String workdir = state.config().workingDir().isEmpty() ? "/" : state.config().workingDir();
    UserLookup.Ids ids = UserLookup.resolve(state.config().user(), state.layers());
    Path scratch = draft.directory();
    // The cache directories stay in use, and so safe from collection, until the command ends.
    try (RunMounts.Prepared prepared =
        mounts.prepare(run.mounts(), workdir, scratch, sources, cancellation)) {
      List<SandboxMount> sandboxMounts = new ArrayList<>(prepared.mounts());
      List<String> command = argv;
      if (isScriptHeredoc(run)) {
        Heredoc heredoc = run.heredocs().get(0);
        Path script = scratch.resolve("script");
        Files.writeString(script, heredoc.effectiveBody());
        Files.setAttribute(script, "unix:mode", 0755);
        String target = "/dev/pipes/" + heredoc.name();
        sandboxMounts.add(new SandboxMount.Bind(script, target, true));
        command = List.of(target);
      }
      List<String> environment = environment(state);
      environment.addAll(prepared.environment());
      ProxyArgs.addMissing(environment, proxies.get());
      List<String> lowers = new ArrayList<>();
      for (int i = state.layers().size() - 1; i >= 0; i--) {
        lowers.add(state.layers().get(i).shortName());
      }
      SandboxRequest request =
          new SandboxRequest(
              layers.linkDirectory(),
              lowers,
              draft.upper(),
              draft.work(),
              command,
              environment,
              workdir,
              ids.uid(),
              ids.gid(),
              "iechorfile",
              run.network() != NetworkMode.NONE,
              sandboxMounts,
              ids.groups());
      SandboxOutput sink =
          new SandboxOutput() {
            @Override
            public void stdout(String text) {
              tail.add(text);
              output.accept(OutputChunk.Channel.STDOUT, text);
            }

            @Override
            public void stderr(String text) {
              tail.add(text);
              output.accept(OutputChunk.Channel.STDERR, text);
            }
          };
      try {
        return sandbox.run(request, sink, cancellation);
      } catch (SandboxException e) {
        throw new StepFailure(
            Failure.of(Failure.Kind.SANDBOX_UNAVAILABLE, "the sandbox failed: " + e.getMessage()),
            e);
      }
    }
  }

  /** The command: exec form as given; shell form (and heredocs) through the image's SHELL. */
  static List<String> argv(ImageState state, Run run) {
    if (run.command().exec()) {
      return run.command().args();
    }
    List<String> shell =
        state.config().shell().isEmpty() ? ConfigDispatch.DEFAULT_SHELL : state.config().shell();
    List<String> argv = new ArrayList<>(shell);
    if (run.heredocs().isEmpty()) {
      argv.add(run.command().text());
    } else if (isOnlyHeredoc(run)) {
      Heredoc heredoc = run.heredocs().get(0);
      if (isScriptHeredoc(run)) {
        return List.of("/dev/pipes/" + heredoc.name());
      }
      argv.add(heredoc.effectiveBody());
    } else {
      StringBuilder script = new StringBuilder(run.command().text());
      for (Heredoc heredoc : run.heredocs()) {
        script.append('\n').append(heredoc.body()).append(heredoc.name());
      }
      argv.add(script.toString());
    }
    return argv;
  }

  private static boolean isOnlyHeredoc(Run run) {
    return run.heredocs().size() == 1
        && run.command()
            .text()
            .strip()
            .matches(
                "\\d*<<-?\\s*['\"]?"
                    + java.util.regex.Pattern.quote(run.heredocs().get(0).name())
                    + "['\"]?");
  }

  private static boolean isScriptHeredoc(Run run) {
    return !run.command().exec()
        && isOnlyHeredoc(run)
        && run.heredocs().get(0).effectiveBody().startsWith("#!");
  }

  /** ENV entries, then the ARGs in scope that ENV does not set, with Docker's default PATH. */
  static List<String> environment(ImageState state) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String entry : state.config().env()) {
      int eq = entry.indexOf('=');
      env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
    }
    state.args().forEach(env::putIfAbsent);
    env.putIfAbsent("PATH", DEFAULT_PATH);
    List<String> entries = new ArrayList<>();
    env.forEach((k, v) -> entries.add(k + "=" + v));
    return entries;
  }

  private static List<String> keyParts(ImageState state, Run run, List<String> argv) {
    List<String> parts = new ArrayList<>();
    parts.add("command=" + String.join("\u0000", argv));
    for (Heredoc heredoc : run.heredocs()) {
      parts.add("heredoc=" + heredoc.name() + "\u0000" + heredoc.body());
    }
    parts.addAll(RunMounts.describe(run.mounts()));
    parts.add("network=" + run.network());
    parts.add("security=" + run.security());
    state.args().forEach((k, v) -> parts.add("ARG " + k + "=" + v));
    return parts;
  }

  private static String shortCommand(List<String> argv) {
    String text = argv.get(argv.size() - 1).strip().replace('\n', ' ');
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  /** The last lines of a command's output, for failure messages. */
  static final class Tail {
    private final int lines;
    private final StringBuilder text = new StringBuilder();

    Tail(int lines) {
      this.lines = lines;
    }

    synchronized void add(String chunk) {
      text.append(chunk);
      if (text.length() > 64 * 1024) {
        text.delete(0, text.length() - 32 * 1024);
      }
    }

    synchronized String lines() {
      String[] all = text.toString().split("\n");
      int from = Math.max(0, all.length - lines);
      return String.join("\n", java.util.Arrays.asList(all).subList(from, all.length));
    }
  }
}
