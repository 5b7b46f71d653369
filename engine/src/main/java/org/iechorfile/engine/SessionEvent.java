package org.iechorfile.engine;

/**
 * Something that happened in a session. Every state-changing call of {@link Session} returns the
 * events it caused and delivers them, in the same order, to its listeners.
 */
public sealed interface SessionEvent
    permits StepStarted,
        OutputChunk,
        PullProgress,
        LayerCommitted,
        ConfigChanged,
        StepRejected,
        StepFailed,
        StepCompleted,
        StepUndone,
        StepRedone {

  /** The step this event belongs to. */
  StepId step();

  /** Calls the listener method for this kind of event. */
  void deliverTo(SessionListener listener);
}
