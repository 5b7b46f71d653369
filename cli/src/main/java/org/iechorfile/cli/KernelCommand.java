package org.iechorfile.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.iechorfile.engine.command.CommandTarget;
import org.iechorfile.engine.session.Session;
import org.iechorfile.engine.session.Workspace;
import org.iechorfile.kernel.Kernel;
import org.iechorfile.kernel.KernelSpec;
import org.iechorfile.kernel.wire.ConnectionInfo;
import org.iechorfile.kernel.wire.MalformedMessageException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iechorfile kernel}: the Jupyter kernel's subcommands. */
@Command(
    name = "kernel",
    mixinStandardHelpOptions = true,
    description = "The Jupyter kernel: install its kernelspec, or run it (Jupyter does).",
    subcommands = {KernelCommand.Install.class, KernelCommand.Run.class})
final class KernelCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  /** {@code iechorfile kernel install}: writes the kernelspec. */
  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description = {
        "Install the iEchorfile Jupyter kernelspec (idempotent).",
        "Without options it goes to the user's Jupyter data directory."
      })
  static final class Install implements Callable<Integer> {

    private final Launch launch;

    @Spec CommandSpec spec;

    @ArgGroup(exclusive = true)
    Where where = new Where();

    static final class Where {
      @Option(names = "--user", description = "Install for the current user (the default).")
      boolean user;

      @Option(
          names = "--prefix",
          paramLabel = "DIR",
          description =
              "Install under DIR/share/jupyter/kernels (set JUPYTER_PATH=DIR/share/jupyter).")
      Path prefix;
    }

    Install(Launch launch) {
      this.launch = launch;
    }

    @Override
    public Integer call() throws IOException {
      Path kernels =
          where.prefix != null
              ? KernelSpec.kernelsUnderPrefix(launch.directory().resolve(where.prefix))
              : KernelSpec.userKernels(launch.environment(), home());
      Optional<KernelSpec> kernelSpec = kernelSpec();
      if (kernelSpec.isEmpty()) {
        return ExitCodes.FAILED;
      }
      Path dir = kernelSpec.get().writeTo(kernels);
      spec.commandLine().getOut().println("Installed the iEchorfile kernel in " + dir);
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }

    /**
     * The launcher when it put this process in a user namespace (it says so in {@code
     * IECHOR_LAUNCHER}), so the kernel runs in one too; else java with this jar, or empty (with a
     * message) when this is not running from the packaged jar.
     */
    private Optional<KernelSpec> kernelSpec() {
      String launcher = launch.environment().getOrDefault("IECHOR_LAUNCHER", "");
      if (!launcher.isEmpty() && Files.isExecutable(Path.of(launcher))) {
        return Optional.of(KernelSpec.forLauncher(Path.of(launcher).toAbsolutePath()));
      }
      Path jar;
      try {
        jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      } catch (URISyntaxException | SecurityException e) {
        spec.commandLine()
            .getErr()
            .println("iechorfile: cannot tell where the jar is: " + e.getMessage());
        return Optional.empty();
      }
      if (!Files.isRegularFile(jar)) {
        spec.commandLine()
            .getErr()
            .println(
                "iechorfile: kernel install needs the packaged jar; run it through ./iechorfile");
        return Optional.empty();
      }
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      // The launcher keeps a class-data archive beside the jar (see ./iechorfile).
      Path archive = jar.toAbsolutePath().resolveSibling("iechorfile.jsa");
      return Optional.of(KernelSpec.forJar(java, jar.toAbsolutePath(), archive));
    }

    /**
     * The user's home: {@code $HOME}, else the password database's. Inside the launcher's user
     * namespace this process is uid 0, whose password entry is root's, not the user's.
     */
    private Path home() {
      String home = launch.environment().getOrDefault("HOME", "");
      return Path.of(home.isEmpty() ? System.getProperty("user.home") : home);
    }
  }

  /** {@code iechorfile kernel run}: what kernel.json starts. */
  @Command(
      name = "run",
      hidden = true,
      description = "Run the kernel on a Jupyter connection file (Jupyter starts this).")
  static final class Run implements Callable<Integer> {

    private final Launch launch;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "CONNECTION_FILE", description = "The connection file Jupyter wrote.")
    Path connectionFile;

    Run(Launch launch) {
      this.launch = launch;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
      ConnectionInfo info;
      try {
        info = ConnectionInfo.read(launch.directory().resolve(connectionFile));
      } catch (NoSuchFileException e) {
        spec.commandLine().getErr().println("iechorfile: " + connectionFile + ": no such file");
        return ExitCodes.FAILED;
      } catch (MalformedMessageException e) {
        spec.commandLine()
            .getErr()
            .println("iechorfile: " + connectionFile + ": " + e.getMessage());
        return ExitCodes.FAILED;
      }
      String version = new RootCommand.Version().getVersion()[0].replaceFirst("^iechorfile ", "");
      try (Kernel kernel = Kernel.start(info, this::open, version, Clock.systemUTC())) {
        KernelSignals signals = KernelSignals.install(kernel);
        try {
          kernel.awaitShutdown();
        } finally {
          signals.close();
        }
      }
      return ExitCodes.OK;
    }

    private CommandTarget open() throws IOException {
      Workspace workspace = launch.workspace();
      // Jupyter starts kernels in the notebook's folder: that is the build context until %context.
      Session session = workspace.newSession().context(launch.directory()).build();
      return Sessions.target(session, workspace, launch);
    }
  }
}
