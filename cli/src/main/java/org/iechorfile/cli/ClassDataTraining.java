package org.iechorfile.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.command.CommandTarget;
import org.iechorfile.engine.session.Session;
import org.iechorfile.engine.session.Workspace;
import org.iechorfile.repl.Repl;
import org.iechorfile.repl.Styles;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * A short REPL session on an in-memory terminal, typed by this class, that the launcher runs once
 * per build with {@code -XX:ArchiveClassesAtExit}: the class-data archive it leaves then holds the
 * classes (and lambda forms) a real REPL start needs, so the prompt comes up sooner. The session
 * uses a throwaway store in the directory given as the only argument and touches no registry.
 */
public final class ClassDataTraining {

  /**
   * What the session types: the keys of a short first session, tab completions and help at the
   * cursor included.
   */
  private static final String KEYS =
      "FROM scratch\r"
          + "ENV GREETING=hello\r"
          + "WORKDIR /srv\r"
          + "LABEL org.example.name=\"$GREETING\"\r"
          + "RU\t\t\u0015"
          + "COPY --\t\t\u0015"
          + "RUN --mount\u001bh\u0015"
          + "%he\t ENV\r"
          + "%steps\r"
          + "%undo\r"
          + "%config\r"
          + "\u0004\u0004\u0004";

  private ClassDataTraining() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ClassDataTraining SCRATCH_DIRECTORY");
      System.exit(ExitCodes.USAGE);
    }
    Path scratch = Files.createDirectories(Path.of(args[0]));
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("IECHOR_HOME", scratch.resolve("store").toString());
    Launch launch = new Launch(environment, InputStream.nullInputStream(), true, scratch);
    // The command line is parsed as for a plain ./iechorfile, without running it.
    RootCommand.commandLineFor(launch).parseArgs();
    Analysis.preload();
    Workspace workspace = Workspace.fromEnvironment(environment);
    workspace.images();
    try (Session session = workspace.newSession().context(scratch).build();
        Terminal terminal =
            new ExternalTerminal(
                "training",
                "xterm-256color",
                new ByteArrayInputStream(KEYS.getBytes(StandardCharsets.UTF_8)),
                OutputStream.nullOutputStream(),
                StandardCharsets.UTF_8)) {
      terminal.setSize(new Size(100, 30));
      CommandTarget target = Sessions.target(session, workspace, launch);
      Styles styles = Styles.forTerminal(terminal.getType(), true, Map.of());
      new Repl(terminal, target, scratch.resolve("history"), styles).run();
    }
  }
}
