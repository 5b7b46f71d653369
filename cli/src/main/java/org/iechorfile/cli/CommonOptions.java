package org.iechorfile.cli;

import picocli.CommandLine.Option;

/** Options every subcommand takes. */
final class CommonOptions {

  @Option(
      names = "--debug",
      description = "Print stack traces of internal errors and debug logging.")
  boolean debug;
}
