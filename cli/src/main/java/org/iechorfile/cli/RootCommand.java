package org.iechorfile.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code iechorfile}: the root command; its subcommands do the work. */
@Command(
    name = "iechorfile",
    mixinStandardHelpOptions = true,
    versionProvider = RootCommand.Version.class,
    description = "Write iEchorfiles (Dockerfiles) interactively, one instruction at a time.",
    subcommands = {
      ReplCommand.class,
      BuildCommand.class,
      ParseCommand.class,
      PullCommand.class,
      ImagesCommand.class,
      GcCommand.class,
      KernelCommand.class
    })
final class RootCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  /** A command line with our error handlers and exit codes, for this process. */
  static CommandLine commandLine() {
    return commandLine(Launch.current());
  }

  /** A command line whose commands run in {@code launch}. */
  static CommandLine commandLine(Launch launch) {
    CommandLine line = new CommandLine(new RootCommand(), new LaunchFactory(launch));
    line.setExecutionExceptionHandler(new ErrorHandler());
    return line;
  }

  @Override
  public Integer call() {
    // No subcommand: the REPL, as "iechorfile repl" would run it.
    return spec.commandLine().getSubcommands().get("repl").execute();
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = RootCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"iechorfile " + properties.getProperty("version", "unknown")};
    }
  }
}
