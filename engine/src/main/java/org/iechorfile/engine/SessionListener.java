package org.iechorfile.engine;

/**
 * Receives a session's events as they happen. One method per event, none with a default body, so a
 * new kind of event breaks every renderer's build until it handles it.
 *
 * <p>Listeners run synchronously on the thread that called the session, except {@link #outputChunk}
 * and {@link #pullProgress}, which may arrive from the session's worker threads while a step runs
 * (never two at once for one session). They must be quick and must not call back into the session.
 */
public interface SessionListener {

  void stepStarted(StepStarted event);

  void outputChunk(OutputChunk event);

  void pullProgress(PullProgress event);

  void layerCommitted(LayerCommitted event);

  void configChanged(ConfigChanged event);

  void stepRejected(StepRejected event);

  void stepFailed(StepFailed event);

  void stepCompleted(StepCompleted event);

  void stepUndone(StepUndone event);

  void stepRedone(StepRedone event);
}
