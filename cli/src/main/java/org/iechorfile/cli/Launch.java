package org.iechorfile.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.iechorfile.engine.session.Workspace;

/**
 * What the command line was started with: the environment, standard input, whether that input is a
 * terminal, and the working directory. Commands get it from the {@link LaunchFactory}, so tests can
 * start them with their own.
 *
 * @param environment the environment variables
 * @param stdin standard input; not closed by commands
 * @param interactive whether standard input and output are a terminal
 * @param directory the working directory relative paths start from
 */
record Launch(
    Map<String, String> environment, InputStream stdin, boolean interactive, Path directory) {

  Launch {
    environment = Map.copyOf(environment);
    Objects.requireNonNull(stdin, "stdin");
    directory = directory.toAbsolutePath().normalize();
  }

  /** How this process was started. */
  static Launch current() {
    return new Launch(System.getenv(), System.in, System.console() != null, Path.of(""));
  }

  /** The workspace (store, registry, sandbox) the environment describes. */
  Workspace workspace() throws IOException {
    return Workspace.fromEnvironment(environment);
  }
}
