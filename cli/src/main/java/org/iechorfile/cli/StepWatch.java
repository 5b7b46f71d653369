package org.iechorfile.cli;

import org.iechorfile.engine.ConfigChanged;
import org.iechorfile.engine.LayerCommitted;
import org.iechorfile.engine.OutputChunk;
import org.iechorfile.engine.PullProgress;
import org.iechorfile.engine.SessionListener;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.StepFailed;
import org.iechorfile.engine.StepRedone;
import org.iechorfile.engine.StepRejected;
import org.iechorfile.engine.StepStarted;
import org.iechorfile.engine.StepUndone;

/** Tells whether a session is running a step, so another thread can wait for it to end. */
final class StepWatch implements SessionListener {

  private boolean running;

  /** Waits up to {@code nanos} until no step is running. */
  synchronized void awaitIdle(long nanos) throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    long left = nanos;
    while (running && left > 0) {
      wait(Math.max(1, left / 1_000_000));
      left = deadline - System.nanoTime();
    }
  }

  private synchronized void set(boolean now) {
    running = now;
    notifyAll();
  }

  @Override
  public void stepStarted(StepStarted event) {
    set(true);
  }

  @Override
  public void outputChunk(OutputChunk event) {}

  @Override
  public void pullProgress(PullProgress event) {}

  @Override
  public void layerCommitted(LayerCommitted event) {}

  @Override
  public void configChanged(ConfigChanged event) {}

  @Override
  public void stepRejected(StepRejected event) {
    set(false);
  }

  @Override
  public void stepFailed(StepFailed event) {
    set(false);
  }

  @Override
  public void stepCompleted(StepCompleted event) {
    set(false);
  }

  @Override
  public void stepUndone(StepUndone event) {}

  @Override
  public void stepRedone(StepRedone event) {}
}
