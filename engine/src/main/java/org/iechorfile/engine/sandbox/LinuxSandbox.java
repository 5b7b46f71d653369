package org.iechorfile.engine.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.spi.Sandbox;
import org.iechorfile.engine.spi.SandboxException;
import org.iechorfile.engine.spi.SandboxOutput;
import org.iechorfile.engine.spi.SandboxRequest;
import org.iechorfile.engine.spi.SandboxResult;
import org.iechorfile.engine.store.Store;
import org.iechorfile.engine.tar.BackgroundDeletion;
import org.iechorfile.engine.tar.IdMap;
import org.iechorfile.engine.tar.OverlayNamespace;

/**
 * Runs commands in Linux namespaces on an overlay of the step's layers, through the engine's
 * sandbox program ({@link SandboxProgram}): new mount, PID, IPC and UTS namespaces (and a network
 * namespace for {@code --network=none}), a fresh {@code /proc}, a minimal {@code /dev}, the host's
 * {@code /etc/resolv.conf} and {@code /etc/hosts} bound read-only, and Docker's default capability
 * set.
 *
 * <p>Mount points the image lacks are supplied by a small stub directory stacked below the image's
 * layers, so they never appear in the new layer. A bind from other layers (an earlier stage) gets
 * an overlay of its own in the run's scratch area, whose upper directory, if any, is thrown away.
 * Needs root, or root of a user namespace (the launcher provides one for ordinary users).
 */
public final class LinuxSandbox implements Sandbox {

  private static final System.Logger LOG = System.getLogger(LinuxSandbox.class.getName());
  private static final Duration KILL_GRACE = Duration.ofSeconds(5);

  /** Whether this build carries the sandbox program; asked before every RUN, so looked up once. */
  private static final boolean BUILT_WITH_PROGRAM =
      SandboxProgram.class.getResource(SandboxProgram.RESOURCE) != null;

  /** The threads that carry commands' output, kept between steps rather than made for each. */
  private static final ExecutorService PUMPS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "sandbox-output");
            thread.setDaemon(true);
            return thread;
          });

  private final Path programs;
  private final Clock clock;
  private final boolean inUserNamespace = OverlayNamespace.current() == OverlayNamespace.USER;
  private volatile boolean overlayKnown;
  private Path program;

  /**
   * A sandbox timed by {@code clock} that copies its program, when it runs from a jar, into the
   * default store's {@code programs} directory.
   */
  public LinuxSandbox(Clock clock) {
    this(clock, Store.defaultRoot(System.getenv()).resolve("programs"));
  }

  /**
   * A sandbox timed by {@code clock} that copies its program, when it runs from a jar, into {@code
   * programs}.
   */
  public LinuxSandbox(Clock clock, Path programs) {
    this.clock = clock;
    this.programs = programs;
  }

  @Override
  public List<String> missingPrerequisites() {
    List<String> missing = new ArrayList<>();
    if (!BUILT_WITH_PROGRAM) {
      missing.add(
          "this build has no sandbox program; build iechorfile with a C compiler"
              + " (apt-get install gcc libc6-dev) to run RUN steps");
    }
    if (!overlaySupported()) {
      missing.add(
          "the kernel has no overlay filesystem; load it with: modprobe overlay"
              + " (RUN needs it; everything else works)");
    }
    return missing;
  }

  @Override
  public SandboxResult run(SandboxRequest request, SandboxOutput output, Cancellation cancellation)
      throws SandboxException, InterruptedException {
    Path program = program();
    requireMappedIds(request);
    RunSetup setup = RunSetup.plan(request, inUserNamespace);
    try {
      return execute(program, request, setup, output, cancellation);
    } finally {
      setup.scratchDirectory().ifPresent(LinuxSandbox::deleteQuietly);
    }
  }

  private SandboxResult execute(
      Path program,
      SandboxRequest request,
      RunSetup setup,
      SandboxOutput output,
      Cancellation cancellation)
      throws SandboxException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command(program, request, setup));
    useEnvironment(builder, request);
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    Instant start = clock.instant();
    Process process;
    try {
      process = builder.start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw cannotStart(program, e);
    }
    Future<?> out = PUMPS.submit(new TextPump(process.getInputStream(), output::stdout));
    Future<?> err = PUMPS.submit(new TextPump(process.getErrorStream(), output::stderr));
    cancellation.onCancel(() -> kill(process));
    int exit;
    try {
      exit = process.waitFor();
      drained(out);
      drained(err);
    } catch (InterruptedException e) {
      kill(process);
      process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      throw e;
    }
    Duration elapsed = Duration.between(start, clock.instant());
    if (setup.failed()) {
      String failure = setup.failure();
      if (!cancellation.isCancelled()) {
        throw new SandboxException("could not set up the sandbox: " + failure);
      }
    }
    return new SandboxResult(exit, elapsed, cancellation.isCancelled());
  }

  /**
   * Runs {@code request} attached to this process's standard input, output and error (a terminal,
   * for an interactive shell) and waits for it.
   */
  @Override
  public SandboxResult runAttached(SandboxRequest request)
      throws SandboxException, InterruptedException {
    Path program = program();
    requireMappedIds(request);
    RunSetup setup = RunSetup.plan(request, inUserNamespace);
    try {
      ProcessBuilder builder = new ProcessBuilder(command(program, request, setup)).inheritIO();
      useEnvironment(builder, request);
      Instant start = clock.instant();
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw cannotStart(program, e);
      }
      int exit;
      try {
        exit = process.waitFor();
      } catch (InterruptedException e) {
        kill(process);
        throw e;
      }
      if (setup.failed()) {
        throw new SandboxException("could not set up the sandbox: " + setup.failure());
      }
      return new SandboxResult(exit, Duration.between(start, clock.instant()), false);
    } finally {
      setup.scratchDirectory().ifPresent(LinuxSandbox::deleteQuietly);
    }
  }

  /** Why the program did not start; a refusal usually means a filesystem mounted noexec. */
  private static SandboxException cannotStart(Path program, IOException e) {
    String message = "cannot start the sandbox program " + program + ": " + e.getMessage();
    if (String.valueOf(e.getMessage()).contains("error=13")) {
      message +=
          " (is its directory on a filesystem mounted noexec? Set IECHOR_HOME to a directory on"
              + " another filesystem)";
    }
    return new SandboxException(message, e);
  }

  /**
   * Refuses a user or group the user namespace does not map (the launcher maps only the user's own
   * id when there are no subordinate ids), naming the fix: without it the command would fail in
   * {@code setuid} with a bare "Invalid argument".
   */
  private static void requireMappedIds(SandboxRequest request) throws SandboxException {
    IdMap ids = IdMap.current();
    if (ids.mapsUid(request.uid()) && ids.mapsGid(request.gid())) {
      return;
    }
    throw new SandboxException(
        "cannot run as uid "
            + request.uid()
            + " (gid "
            + request.gid()
            + "): iechorfile runs without root in a user namespace that maps only your own id,"
            + " as uid 0, because your user has no subordinate ids in /etc/subuid and /etc/subgid"
            + " (or newuidmap is missing). Steps that run as root still work. To switch USER to"
            + " other ids, run: sudo apt-get install uidmap; sudo usermod --add-subuids"
            + " 100000-165535 --add-subgids 100000-165535 $(id -un); then start iechorfile again");
  }

  private static void useEnvironment(ProcessBuilder builder, SandboxRequest request) {
    Map<String, String> environment = builder.environment();
    environment.clear();
    for (String entry : request.environment()) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        environment.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
  }

  private static List<String> command(Path program, SandboxRequest request, RunSetup setup) {
    List<String> argv = new ArrayList<>();
    argv.add(program.toString());
    argv.addAll(List.of("--log", setup.log().toString()));
    argv.addAll(List.of("--chdir", request.layersDirectory().toAbsolutePath().toString()));
    argv.addAll(List.of("--root", setup.root()));
    argv.addAll(List.of("--wd", request.workingDirectory()));
    argv.addAll(List.of("--hostname", request.hostname()));
    argv.addAll(List.of("--uid", Integer.toString(request.uid())));
    argv.addAll(List.of("--gid", Integer.toString(request.gid())));
    argv.addAll(
        List.of(
            "--groups", String.join(",", request.groups().stream().map(String::valueOf).toList())));
    if (!request.network()) {
      argv.add("--no-network");
    }
    argv.addAll(setup.arguments());
    argv.add("--");
    argv.addAll(request.argv());
    return argv;
  }

  /**
   * Removes the copies of other versions of the sandbox program from {@code programs}, a store's
   * directory of them (copies earlier builds left there); a process of an earlier version still
   * running copies its own out again when it next needs it.
   *
   * @return how many were removed
   */
  public static int removeOtherPrograms(Path programs) throws IOException {
    return SandboxProgram.removeOthers(programs);
  }

  /**
   * The sandbox program, copied out of the jar on first use, and again should a collection have
   * removed the copy.
   */
  private synchronized Path program() throws SandboxException {
    if (program == null || !Files.isExecutable(program)) {
      try {
        program =
            SandboxProgram.locate(programs)
                .orElseThrow(
                    () ->
                        new SandboxException(
                            "cannot run commands: this build has no sandbox program; build"
                                + " iechorfile with a C compiler (apt-get install gcc libc6-dev)"));
      } catch (IOException e) {
        throw new SandboxException(
            "cannot copy the sandbox program into " + programs + ": " + e.getMessage(), e);
      }
    }
    return program;
  }

  /**
   * Waits for an output pump to reach the end of its stream: at once, unless a process the command
   * left behind still holds the stream open.
   */
  private static void drained(Future<?> pump) throws InterruptedException {
    try {
      pump.get(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(System.Logger.Level.DEBUG, "the command's output did not end cleanly", e);
    }
  }

  /**
   * Kills the command and everything it started. The namespace's first process dies with the
   * program that started it (which takes the PID namespace down); the descendants are killed too in
   * case it lingers.
   */
  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** Whether the kernel has overlayfs; a yes is remembered (it does not go away). */
  private boolean overlaySupported() {
    if (overlayKnown) {
      return true;
    }
    overlayKnown = kernelHasOverlay();
    return overlayKnown;
  }

  private static boolean kernelHasOverlay() {
    try {
      return Files.readAllLines(Path.of("/proc/filesystems")).stream()
          .anyMatch(line -> line.trim().endsWith("overlay"));
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot read /proc/filesystems", e);
      return false;
    }
  }

  /** Removes a run's scratch area once the kernel has let go of its mount points. */
  private static void deleteQuietly(Path dir) {
    BackgroundDeletion.delete(dir);
  }
}
