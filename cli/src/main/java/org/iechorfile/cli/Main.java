package org.iechorfile.cli;

/** The entry point of {@code ./iechorfile}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(RootCommand.commandLineFor(Launch.current(), args).execute(args));
  }
}
