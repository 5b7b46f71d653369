package org.iechorfile.engine.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.spi.Sandbox;
import org.iechorfile.engine.spi.SandboxException;
import org.iechorfile.engine.spi.SandboxOutput;
import org.iechorfile.engine.spi.SandboxRequest;
import org.iechorfile.engine.spi.SandboxResult;
import org.iechorfile.engine.tar.BackgroundDeletion;
import org.iechorfile.engine.tar.IdMap;
import org.iechorfile.engine.tar.OverlayNamespace;

/**
 * Runs commands in Linux namespaces on an overlay of the step's layers, with util-linux's {@code
 * unshare} and {@code setpriv}: new mount, PID, IPC and UTS namespaces (and a network namespace for
 * {@code --network=none}), a fresh {@code /proc}, a minimal {@code /dev}, the host's {@code
 * /etc/resolv.conf} and {@code /etc/hosts} bound read-only, and Docker's default capability set.
 *
 * <p>Mount points the image lacks are supplied by a small stub directory stacked below the image's
 * layers, so they never appear in the new layer. A bind from other layers (an earlier stage) gets
 * an overlay of its own in the run's scratch area, whose upper directory, if any, is thrown away.
 * Needs root, or root of a user namespace (the launcher provides one for ordinary users).
 */
public final class LinuxSandbox implements Sandbox {

  private static final System.Logger LOG = System.getLogger(LinuxSandbox.class.getName());
  private static final String SCRIPT = loadScript();
  private static final Duration KILL_GRACE = Duration.ofSeconds(5);

  private final HostTools.Lookup tools;
  private final Clock clock;
  private final boolean inUserNamespace = OverlayNamespace.current() == OverlayNamespace.USER;
  private volatile boolean overlayKnown;

  /** A sandbox using the host's tools, timed by {@code clock}. */
  public LinuxSandbox(Clock clock) {
    this.tools = HostTools.find();
    this.clock = clock;
  }

  @Override
  public List<String> missingPrerequisites() {
    List<String> missing = new ArrayList<>(tools.missing());
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
    HostTools host =
        tools
            .tools()
            .orElseThrow(
                () ->
                    new SandboxException(
                        "cannot run commands: " + String.join("; ", tools.missing())));
    requireMappedIds(request);
    Path scratch = createScratch(request);
    try {
      RunFiles files = RunFiles.create(scratch, request, inUserNamespace);
      return execute(host, request, files, output, cancellation);
    } finally {
      deleteQuietly(scratch);
    }
  }

  private SandboxResult execute(
      HostTools host,
      SandboxRequest request,
      RunFiles files,
      SandboxOutput output,
      Cancellation cancellation)
      throws SandboxException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command(host, request, files));
    useEnvironment(builder, request);
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    Instant start = clock.instant();
    Process process;
    try {
      process = builder.start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new SandboxException("cannot start the sandbox: " + e.getMessage(), e);
    }
    Thread out = pump(process.getInputStream(), output::stdout, "stdout");
    Thread err = pump(process.getErrorStream(), output::stderr, "stderr");
    cancellation.onCancel(() -> kill(process));
    int exit;
    try {
      exit = process.waitFor();
      out.join(KILL_GRACE.toMillis());
      err.join(KILL_GRACE.toMillis());
    } catch (InterruptedException e) {
      kill(process);
      process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      throw e;
    }
    Duration elapsed = Duration.between(start, clock.instant());
    if (!cancellation.isCancelled() && !files.ready()) {
      throw new SandboxException("could not set up the sandbox: " + files.setupLog());
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
    HostTools host =
        tools
            .tools()
            .orElseThrow(
                () ->
                    new SandboxException(
                        "cannot run commands: " + String.join("; ", tools.missing())));
    requireMappedIds(request);
    Path scratch = createScratch(request);
    try {
      RunFiles files = RunFiles.create(scratch, request, inUserNamespace);
      ProcessBuilder builder = new ProcessBuilder(command(host, request, files)).inheritIO();
      useEnvironment(builder, request);
      Instant start = clock.instant();
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new SandboxException("cannot start the sandbox: " + e.getMessage(), e);
      }
      int exit;
      try {
        exit = process.waitFor();
      } catch (InterruptedException e) {
        kill(process);
        throw e;
      }
      if (!files.ready()) {
        throw new SandboxException("could not set up the sandbox: " + files.setupLog());
      }
      return new SandboxResult(exit, Duration.between(start, clock.instant()), false);
    } finally {
      deleteQuietly(scratch);
    }
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

  private static List<String> command(HostTools host, SandboxRequest request, RunFiles files) {
    List<String> argv = new ArrayList<>();
    argv.add(host.unshare().toString());
    argv.addAll(List.of("--mount", "--pid", "--ipc", "--uts"));
    if (!request.network()) {
      argv.add("--net");
    }
    argv.addAll(List.of("--fork", "--kill-child", "--propagation", "private", "--"));
    argv.addAll(List.of(host.shell().toString(), "-c", SCRIPT, "iechorfile-sandbox"));
    argv.add(files.log().toString());
    argv.add(files.readyMarker().toString());
    argv.add(request.layersDirectory().toAbsolutePath().toString());
    argv.add(files.fstab().toString());
    argv.add(request.network() ? "host" : "none");
    argv.add(request.hostname());
    argv.add(files.root().toString());
    argv.add(request.workingDirectory());
    argv.add(Integer.toString(request.uid()));
    argv.add(Integer.toString(request.gid()));
    argv.add(String.join(",", request.groups().stream().map(String::valueOf).toList()));
    argv.add(host.mount().toString());
    argv.add(host.setpriv().toString());
    argv.add(host.unshare().toString());
    argv.addAll(request.argv());
    return argv;
  }

  private static Thread pump(
      InputStream in, java.util.function.Consumer<String> sink, String name) {
    Thread thread = new Thread(new TextPump(in, sink), "sandbox-" + name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * Kills the command and everything it started. {@code unshare --kill-child} takes the PID
   * namespace down with it; the descendants are killed too in case the namespace's init lingers.
   */
  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static Path createScratch(SandboxRequest request) throws SandboxException {
    Path parent = request.workDirectory().toAbsolutePath().getParent();
    try {
      return Files.createTempDirectory(parent, ".sandbox-");
    } catch (IOException e) {
      throw new SandboxException("cannot create the sandbox's directories in " + parent, e);
    }
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

  private static String loadScript() {
    try (InputStream in = LinuxSandbox.class.getResourceAsStream("setup.sh")) {
      if (in == null) {
        throw new IllegalStateException("setup.sh is missing from the engine's resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
