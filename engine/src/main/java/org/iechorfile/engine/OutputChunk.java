package org.iechorfile.engine;

import java.util.Objects;

/**
 * Text a running command wrote, decoded from UTF-8.
 *
 * @param step the step running the command
 * @param channel which stream it came from
 * @param text the text, in arrival order; may end in the middle of a line
 */
public record OutputChunk(StepId step, Channel channel, String text) implements SessionEvent {

  /** The command's output streams. */
  public enum Channel {
    STDOUT,
    STDERR
  }

  public OutputChunk {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(text, "text");
  }

  @Override
  public void deliverTo(SessionListener listener) {
    listener.outputChunk(this);
  }
}
