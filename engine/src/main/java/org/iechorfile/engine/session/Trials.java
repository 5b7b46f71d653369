package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.spi.Sandbox;
import org.iechorfile.engine.spi.SandboxException;
import org.iechorfile.engine.spi.SandboxOutput;
import org.iechorfile.engine.spi.SandboxRequest;
import org.iechorfile.engine.spi.SandboxResult;

/**
 * Runs commands in an image without keeping anything: {@code %sh} runs one and waits, {@code %run
 * -d} starts the image's ENTRYPOINT and CMD in the background with the host's network (so a web app
 * answers on localhost), {@code %logs} shows its output and {@code %stop} ends it. Each command
 * writes into a draft upper directory that is removed when it ends. Commands get the session's
 * {@linkplain Session#proxyEnvironment() proxy variables} where the image's ENV does not set them,
 * as RUN does, so that {@code %sh apt-get update} works behind a proxy.
 *
 * <p>One background command at a time. {@link #sh} is called from the session's thread; {@link
 * #logs}, {@link #stop} and {@link #running} from any thread.
 */
public final class Trials implements AutoCloseable {

  /**
   * The interactive shell, without job control ({@code +m}): a shell with job control takes the
   * terminal's foreground for itself and leaves it to a process group that is gone when it exits,
   * after which the REPL could no longer read its terminal.
   */
  private static final List<String> INTERACTIVE_SHELL = List.of("/bin/sh", "+m");

  private static final System.Logger LOG = System.getLogger(Trials.class.getName());

  private final Sandbox sandbox;
  private final StepLayers layers;
  private Optional<Background> background = Optional.empty();

  /** Trials with {@code sandbox} on the layers of the store at {@code home}. */
  public Trials(Sandbox sandbox, Path home) {
    this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
    this.layers = new StepLayers(home);
  }

  /**
   * Runs {@code command} with the image's shell (SHELL, or {@code /bin/sh -c}), environment, user
   * and WORKDIR on {@code session}'s current image, with {@code extraLayer} (a failed step's files)
   * on top when given, and waits for it. Nothing it writes is kept.
   *
   * @throws SandboxException when the sandbox cannot be set up; its message says why
   * @throws IOException when the user's ids cannot be read from the image or the draft made
   */
  public SandboxResult sh(
      Session session,
      String command,
      Optional<Path> extraLayer,
      SandboxOutput output,
      Cancellation cancellation)
      throws SandboxException, IOException, InterruptedException {
    ImageState state = session.current();
    List<String> argv =
        new ArrayList<>(
            state.config().shell().isEmpty()
                ? ConfigDispatch.DEFAULT_SHELL
                : state.config().shell());
    argv.add(command);
    StepLayers.Draft draft = layers.draft();
    try {
      return sandbox.run(
          request(state, session.proxyEnvironment(), argv, extraLayer, draft, true),
          output,
          cancellation);
    } finally {
      layers.discard(draft);
    }
  }

  /**
   * Opens the image's shell ({@code /bin/sh}) on this process's terminal, on {@code session}'s
   * current image with {@code extraLayer} (a failed step's files) on top when given, and waits
   * until it exits. Nothing it writes is kept.
   *
   * @throws SandboxException when the sandbox cannot be set up or attach the terminal
   */
  public SandboxResult shell(Session session, Optional<Path> extraLayer)
      throws SandboxException, IOException, InterruptedException {
    StepLayers.Draft draft = layers.draft();
    try {
      return sandbox.runAttached(
          request(
              session.current(),
              session.proxyEnvironment(),
              INTERACTIVE_SHELL,
              extraLayer,
              draft,
              true));
    } finally {
      layers.discard(draft);
    }
  }

  /**
   * Starts the ENTRYPOINT and CMD of {@code session}'s current image in the background with the
   * host's network.
   *
   * @return why nothing was started (no command in the image, one already running, the sandbox
   *     unavailable); empty when it started
   */
  public synchronized Optional<String> start(Session session)
      throws IOException, InterruptedException {
    ImageState state = session.current();
    if (background.isPresent() && background.get().running()) {
      return Optional.of(
          "%run: " + background.get().describe() + " is still running; stop it with %stop first");
    }
    List<String> argv = new ArrayList<>(state.config().entrypoint());
    argv.addAll(state.config().cmd());
    if (argv.isEmpty()) {
      return Optional.of(
          "%run: the image has no ENTRYPOINT or CMD to run; set one, e.g. CMD [\"sh\"], or use %sh");
    }
    List<String> missing = sandbox.missingPrerequisites();
    if (!missing.isEmpty()) {
      return Optional.of("%run: this machine cannot run commands: " + String.join("; ", missing));
    }
    StepLayers.Draft draft = layers.draft();
    SandboxRequest request;
    try {
      request = request(state, session.proxyEnvironment(), argv, Optional.empty(), draft, true);
    } catch (IOException | RuntimeException e) {
      layers.discard(draft);
      throw e;
    }
    Background started = new Background(sandbox, request, argv, () -> discard(draft));
    background = Optional.of(started);
    started.start();
    return Optional.empty();
  }

  /** The output of the background command so far (the last megabyte), with its status. */
  public synchronized String logs() {
    return background.map(Background::logs).orElse("");
  }

  /** Whether a background command is running. */
  public synchronized boolean running() {
    return background.isPresent() && background.get().running();
  }

  /**
   * Stops the background command and waits for it to end.
   *
   * @return whether one was running
   */
  public boolean stop() throws InterruptedException {
    Optional<Background> current;
    synchronized (this) {
      current = background;
    }
    if (current.isEmpty() || !current.get().running()) {
      return false;
    }
    current.get().stop();
    return true;
  }

  /** A fresh draft for a command whose files are thrown away. */
  StepLayers.Draft draft() throws IOException {
    return layers.draft();
  }

  /** Stops the background command, if any. */
  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The sandbox request for {@code argv} on {@code state}, writing into {@code draft}, with the
   * {@code proxies} that the image's ENV and ARGs do not set.
   */
  SandboxRequest request(
      ImageState state,
      Map<String, String> proxies,
      List<String> argv,
      Optional<Path> extraLayer,
      StepLayers.Draft draft,
      boolean network)
      throws IOException {
    String workdir = state.config().workingDir().isEmpty() ? "/" : state.config().workingDir();
    UserLookup.Ids ids;
    try {
      ids = UserLookup.resolve(state.config().user(), state.layers());
    } catch (StepFailure e) {
      throw new IOException(e.failure().message(), e);
    }
    List<String> lowers = new ArrayList<>();
    extraLayer.ifPresent(
        upper -> lowers.add(layers.linkDirectory().relativize(upper.toAbsolutePath()).toString()));
    for (int i = state.layers().size() - 1; i >= 0; i--) {
      lowers.add(state.layers().get(i).shortName());
    }
    List<String> environment = RunDispatch.environment(state);
    ProxyArgs.addMissing(environment, proxies);
    return new SandboxRequest(
        layers.linkDirectory(),
        lowers,
        draft.upper(),
        draft.work(),
        argv,
        environment,
        workdir,
        ids.uid(),
        ids.gid(),
        "iechorfile",
        network,
        List.of(),
        ids.groups());
  }

  private void discard(StepLayers.Draft draft) {
    try {
      layers.discard(draft);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot remove a finished command's files", e);
    }
  }

  /** A command running on a thread of its own, its output kept for {@code %logs}. */
  private static final class Background {
    private static final int LOG_LIMIT = 1024 * 1024;

    private final Sandbox sandbox;
    private final SandboxRequest request;
    private final List<String> argv;
    private final Runnable cleanup;
    private final Cancellation cancellation = new Cancellation();
    private final StringBuilder output = new StringBuilder();
    private final Thread thread;
    private String status = "running";

    Background(Sandbox sandbox, SandboxRequest request, List<String> argv, Runnable cleanup) {
      this.sandbox = sandbox;
      this.request = request;
      this.argv = List.copyOf(argv);
      this.cleanup = cleanup;
      this.thread = new Thread(this::run, "iechorfile-run");
      this.thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    private void run() {
      // The command must not outlive the process that started it (a REPL that exits).
      Thread guard = new Thread(cancellation::cancel, "iechorfile-run-stop");
      Runtime.getRuntime().addShutdownHook(guard);
      try {
        runGuarded();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(guard);
        } catch (IllegalStateException shuttingDown) {
          // The hook is running or has run: nothing to remove.
        }
      }
    }

    private void runGuarded() {
      SandboxOutput sink =
          new SandboxOutput() {
            @Override
            public void stdout(String text) {
              append(text);
            }

            @Override
            public void stderr(String text) {
              append(text);
            }
          };
      String end;
      try {
        SandboxResult result = sandbox.run(request, sink, cancellation);
        end = result.cancelled() ? "stopped" : "exited with status " + result.exitCode();
      } catch (SandboxException e) {
        end = "could not start: " + e.getMessage();
      } catch (InterruptedException e) {
        end = "stopped";
      } finally {
        cleanup.run();
      }
      synchronized (this) {
        status = end;
      }
    }

    private synchronized void append(String text) {
      output.append(text);
      if (output.length() > LOG_LIMIT) {
        output.delete(0, output.length() - LOG_LIMIT);
      }
    }

    synchronized String logs() {
      return output + (status.equals("running") ? "" : "[" + describe() + " " + status + "]\n");
    }

    synchronized boolean running() {
      return status.equals("running");
    }

    String describe() {
      return String.join(" ", argv);
    }

    void stop() throws InterruptedException {
      cancellation.cancel();
      thread.join();
    }
  }
}
