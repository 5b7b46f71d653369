package org.iechorfile.engine.command;

import org.iechorfile.engine.spi.SandboxOutput;

/** Collects a command's output for the try commands ({@code %sh}, {@code %run}). */
final class Trying implements SandboxOutput {

  private final StringBuilder text = new StringBuilder();

  @Override
  public synchronized void stdout(String chunk) {
    text.append(chunk);
  }

  @Override
  public synchronized void stderr(String chunk) {
    text.append(chunk);
  }

  synchronized String text() {
    return text.toString();
  }

  /** The message of a command without the tools it needs. */
  static CommandResult unavailable(String line, String command) {
    return CommandResult.rejected(
        line,
        command
            + " is not available here: it needs the image store and the sandbox, which this front"
            + " end did not provide");
  }
}
