package org.iechorfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.command.CommandTarget;
import org.iechorfile.engine.session.Session;
import org.iechorfile.engine.session.Workspace;
import org.iechorfile.repl.Repl;
import org.iechorfile.repl.ScriptMode;
import org.iechorfile.repl.Styles;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code iechorfile repl}: the interactive session; standard input that is not a terminal is run as
 * a script instead.
 */
@Command(
    name = "repl",
    mixinStandardHelpOptions = true,
    description = {
      "Write an iEchorfile interactively: each instruction is applied as you type it.",
      "Standard input that is not a terminal is run as a script; the exit status is 1 when a"
          + " step fails."
    })
final class ReplCommand implements Callable<Integer> {

  private static final System.Logger LOG = System.getLogger(ReplCommand.class.getName());

  private final Launch launch;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(names = "--context", paramLabel = "DIR", description = "The build context directory.")
  Path context;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "An iEchorfile to apply first; then the session stays interactive.")
  Path file;

  ReplCommand(Launch launch) {
    this.launch = launch;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Workspace workspace = launch.workspace();
    if (launch.interactive()) {
      warmUp(workspace);
    }
    // The build context is the working directory unless --context (or %context) says otherwise.
    try (Session session = workspace.newSession().context(launch.directory()).build()) {
      StopOnInterrupt interrupt = StopOnInterrupt.installInteractive(session);
      try {
        return run(Sessions.target(session, workspace, launch), out, err);
      } finally {
        interrupt.finished();
      }
    }
  }

  private int run(CommandTarget target, PrintWriter out, PrintWriter err) throws IOException {
    Session session = target.session();
    Workspace workspace = launch.workspace();
    if (context != null) {
      Path dir = launch.directory().resolve(context);
      if (!Files.isDirectory(dir)) {
        err.println("iechorfile: the context " + dir + " is not a directory; give an existing one");
        return ExitCodes.USAGE;
      }
      session.setContext(dir);
    }
    if (file != null) {
      int status = runFile(target, out, err);
      if (status != ExitCodes.OK || !launch.interactive()) {
        return status;
      }
    }
    if (!launch.interactive()) {
      String script = new String(launch.stdin().readAllBytes(), StandardCharsets.UTF_8);
      return ScriptMode.run(script, target, out, Styles.plain());
    }
    try (Terminal terminal = TerminalBuilder.builder().system(true).providers("jni,exec").build()) {
      Styles styles = Styles.forTerminal(terminal.getType(), true, launch.environment());
      return new Repl(terminal, target, workspace.home().resolve("history"), styles).run();
    }
  }

  /**
   * Reads the manual and the command catalogue, opens the store and makes the registry client in
   * the background while the prompt comes up, so that neither the prompt nor the first FROM, help
   * or completion waits for them.
   */
  private static void warmUp(Workspace workspace) {
    Thread thread =
        new Thread(
            () -> {
              Analysis.preload();
              try {
                workspace.images();
              } catch (RuntimeException e) {
                // Reported again, with its message, when the store is really needed.
                LOG.log(System.Logger.Level.DEBUG, "cannot open the store yet", e);
              }
            },
            "workspace-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private int runFile(CommandTarget target, PrintWriter out, PrintWriter err) throws IOException {
    Path path = launch.directory().resolve(file);
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      return ScriptMode.run(text, target, out, Styles.plain());
    } catch (NoSuchFileException e) {
      err.println("iechorfile: " + path + ": no such file");
      return ExitCodes.FAILED;
    }
  }
}
