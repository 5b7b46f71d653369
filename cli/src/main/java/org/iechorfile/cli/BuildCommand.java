package org.iechorfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.iechorfile.engine.Segment;
import org.iechorfile.engine.command.CommandParser;
import org.iechorfile.engine.command.CommandResult;
import org.iechorfile.engine.command.CommandTarget;
import org.iechorfile.engine.command.Durations;
import org.iechorfile.engine.command.ScriptObserver;
import org.iechorfile.engine.command.ScriptOutcome;
import org.iechorfile.engine.command.ScriptRunner;
import org.iechorfile.engine.session.Session;
import org.iechorfile.engine.session.Stage;
import org.iechorfile.engine.session.Workspace;
import org.iechorfile.repl.EventPrinter;
import org.iechorfile.repl.ResultPrinter;
import org.iechorfile.repl.Styles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iechorfile build}: applies a whole iEchorfile through the session engine. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Build an iEchorfile: every instruction is applied in turn by the same engine as the REPL.",
      "The exit status is 1 when a step fails or is rejected."
    })
final class BuildCommand implements Callable<Integer> {

  /** How progress is shown. */
  enum Progress {
    /** One line per event, no colour, no redrawing. */
    plain,
    /** Colour and progress bars redrawn in place. */
    tty
  }

  private final Launch launch;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "The iEchorfile (default: CONTEXT/iEchorfile, else CONTEXT/Dockerfile).")
  Path file;

  @Option(names = "--no-cache", description = "Run every step; do not reuse the build cache.")
  boolean noCache;

  @Option(
      names = "--build-arg",
      paramLabel = "NAME=VALUE",
      description = "A build argument for ARG instructions; repeatable.")
  List<String> buildArgs = new ArrayList<>();

  @Option(
      names = "--target",
      paramLabel = "STAGE",
      description = "Stop after this stage instead of building to the end.")
  String target;

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      description = "Progress output: ${COMPLETION-CANDIDATES} (default: tty on a terminal).")
  Progress progress;

  @Option(
      names = {"-t", "--tag"},
      paramLabel = "NAME",
      description = "Name the built image in the local store; repeatable.")
  List<String> tags = new ArrayList<>();

  @Option(
      names = "--output",
      paramLabel = "TYPE:DEST",
      description = "Also save the image: oci:DIR, oci-archive:FILE or docker-archive:FILE.")
  List<String> outputs = new ArrayList<>();

  @Parameters(paramLabel = "CONTEXT", description = "The build context directory.")
  Path context;

  BuildCommand(Launch launch) {
    this.launch = launch;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path contextDir = launch.directory().resolve(context).normalize();
    if (!Files.isDirectory(contextDir)) {
      err.println("iechorfile: the context " + contextDir + " is not a directory");
      return ExitCodes.USAGE;
    }
    Optional<Path> source = source(contextDir);
    if (source.isEmpty()) {
      err.println(
          "iechorfile: no iEchorfile or Dockerfile in "
              + contextDir
              + "; name the file with -f FILE");
      return ExitCodes.USAGE;
    }
    BuildOutputs written = new BuildOutputs(tags, outputs);
    Optional<String> wrong = written.check();
    if (wrong.isPresent()) {
      err.println("iechorfile: " + wrong.get());
      return ExitCodes.USAGE;
    }
    Workspace workspace = launch.workspace();
    Session.Builder builder = workspace.newSession().context(contextDir).cache(!noCache);
    for (String arg : buildArgs) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        err.println("iechorfile: --build-arg takes NAME=VALUE, not " + arg);
        return ExitCodes.USAGE;
      }
      builder.buildArg(arg.substring(0, eq), arg.substring(eq + 1));
    }
    try (Session session = builder.build()) {
      StopOnInterrupt interrupt = StopOnInterrupt.install(session);
      try {
        int status = build(session, workspace, source.get(), out, err);
        return status != ExitCodes.OK
            ? status
            : written.write(session, workspace, launch.directory(), out, err);
      } finally {
        interrupt.finished();
      }
    }
  }

  private int build(
      Session session, Workspace workspace, Path source, PrintWriter out, PrintWriter err)
      throws IOException {
    boolean tty = progress == null ? launch.interactive() : progress == Progress.tty;
    Styles styles = tty ? Styles.forTerminal("xterm", true, launch.environment()) : Styles.plain();
    String text = Files.readString(source, StandardCharsets.UTF_8);
    CommandTarget commandTarget = Sessions.target(session, workspace, launch);
    List<Segment> segments = commandTarget.analysis().segments(text);
    out.println("building " + source + " (" + segments.size() + " instructions)");
    EventPrinter printer = new EventPrinter(out, styles, tty);
    session.addListener(printer);
    Instant start = Instant.now();
    TargetStop stop =
        new TargetStop(session, Optional.ofNullable(target), new ResultPrinter(out, styles));
    ScriptOutcome outcome =
        new ScriptRunner(CommandParser.standard()).run(text, commandTarget, stop);
    session.removeListener(printer);
    Duration took = Duration.between(start, Instant.now());
    if (!outcome.succeeded()) {
      err.println(
          "iechorfile: the build failed at "
              + source
              + ":"
              + outcome.failed().get().line()
              + " ("
              + outcome.failed().get().keyword()
              + "); see above");
      return ExitCodes.FAILED;
    }
    if (target != null
        && !stop.reached
        && !session.current().stageName().equalsIgnoreCase(target)) {
      err.println(
          "iechorfile: no stage named "
              + target
              + " in "
              + source
              + "; the stages are: "
              + stageNames(session));
      return ExitCodes.FAILED;
    }
    out.println(
        styles.colour()
            ? "\u001b[32mbuilt " + summary(session, took) + "\u001b[0m"
            : "built " + summary(session, took));
    out.flush();
    return ExitCodes.OK;
  }

  private static String summary(Session session, Duration took) {
    long steps = session.steps().stream().filter(s -> s.live()).count();
    return steps + " steps in " + Durations.format(took);
  }

  private static String stageNames(Session session) {
    List<String> names = new ArrayList<>();
    for (Stage stage : session.current().stages()) {
      names.add(stage.displayName());
    }
    String current = session.current().stageName();
    names.add(current.isEmpty() ? Integer.toString(session.current().stageIndex()) : current);
    return String.join(", ", names);
  }

  private Optional<Path> source(Path contextDir) {
    if (file != null) {
      Path path = launch.directory().resolve(file);
      return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }
    for (String name : List.of("iEchorfile", "Dockerfile")) {
      if (Files.isRegularFile(contextDir.resolve(name))) {
        return Optional.of(contextDir.resolve(name));
      }
    }
    return Optional.empty();
  }

  /** Ends the script at the FROM that follows the target stage; prints command results. */
  private static final class TargetStop implements ScriptObserver {
    private final Session session;
    private final Optional<String> target;
    private final ResultPrinter results;
    boolean reached;

    TargetStop(Session session, Optional<String> target, ResultPrinter results) {
      this.session = session;
      this.target = target;
      this.results = results;
    }

    @Override
    public boolean starting(Segment segment) {
      if (target.isPresent()
          && segment.keyword().equals("FROM")
          && session.current().inStage()
          && session.current().stageName().equalsIgnoreCase(target.get())) {
        reached = true;
        return false;
      }
      return true;
    }

    @Override
    public void commandFinished(Segment segment, CommandResult result) {
      results.print(result);
    }
  }
}
