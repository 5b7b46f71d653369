package org.iechorfile.engine.command;

import org.iechorfile.engine.Segment;

/**
 * Follows a {@link ScriptRunner} as it goes. Instruction output arrives through the session's
 * listeners as usual; this sees the segments and the results of {@code %} commands. Called on the
 * runner's thread.
 */
public interface ScriptObserver {

  /**
   * Called before each segment runs.
   *
   * @return true to run it; false to end the script here, successfully (as {@code build --target}
   *     does after its stage)
   */
  boolean starting(Segment segment);

  /** Called after a {@code %} command ran, with what it produced. */
  void commandFinished(Segment segment, CommandResult result);

  /** An observer that runs everything and ignores command results. */
  static ScriptObserver silent() {
    return new ScriptObserver() {
      @Override
      public boolean starting(Segment segment) {
        return true;
      }

      @Override
      public void commandFinished(Segment segment, CommandResult result) {
        // Ignored on purpose: the caller looks only at the outcome.
      }
    };
  }
}
