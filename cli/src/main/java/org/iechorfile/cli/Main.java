package org.iechorfile.cli;

/** The entry point of {@code ./iechorfile}. */
public final class Main {

  private Main() {}

  /**
   * How the JVM starts processes: vfork and exec, about 0.6 ms sooner per process than the default
   * posix_spawn through a helper program, and every RUN starts one. Set before any process starts.
   */
  private static final String LAUNCH_MECHANISM = "jdk.lang.Process.launchMechanism";

  public static void main(String[] args) {
    if (System.getProperty(LAUNCH_MECHANISM) == null) {
      System.setProperty(LAUNCH_MECHANISM, "VFORK");
    }
    System.exit(RootCommand.commandLineFor(Launch.current(), args).execute(args));
  }
}
