package org.iechorfile.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
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
    description = "Write iEchorfiles (Dockerfiles) interactively, one instruction at a time.")
final class RootCommand implements Callable<Integer> {

  /** The subcommands, in the order help lists them. */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          ReplCommand.class,
          BuildCommand.class,
          ParseCommand.class,
          PullCommand.class,
          ImagesCommand.class,
          LoadCommand.class,
          PushCommand.class,
          GcCommand.class,
          KernelCommand.class);

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  /** A command line with our error handlers and exit codes, for this process. */
  static CommandLine commandLine() {
    return commandLine(Launch.current());
  }

  /** A command line whose commands run in {@code launch}, with every subcommand. */
  static CommandLine commandLine(Launch launch) {
    return withSubcommands(launch, SUBCOMMANDS);
  }

  /**
   * A command line for {@code args}: when they start with a subcommand's name (or are empty, which
   * runs the REPL), only that subcommand is set up, since picocli's model of every command and
   * option would cost the REPL a noticeable part of its start; otherwise (help, version, a root
   * option, a mistake) all of them.
   */
  static CommandLine commandLineFor(Launch launch, String... args) {
    String first = args.length == 0 ? "repl" : args[0];
    for (Class<?> subcommand : SUBCOMMANDS) {
      if (subcommand.getAnnotation(Command.class).name().equals(first)) {
        return withSubcommands(launch, List.of(subcommand));
      }
    }
    return commandLine(launch);
  }

  private static CommandLine withSubcommands(Launch launch, List<Class<?>> subcommands) {
    CommandLine line = new CommandLine(new RootCommand(), new LaunchFactory(launch));
    for (Class<?> subcommand : subcommands) {
      line.addSubcommand(subcommand);
    }
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
