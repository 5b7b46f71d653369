package org.iechorfile.engine.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * A request to stop work in progress, shared between the thread that runs a step and any thread
 * that wants it stopped. Thread-safe.
 */
public final class Cancellation {

  private final List<Runnable> callbacks = new ArrayList<>();
  private boolean cancelled;

  /** Asks the work to stop. Runs the registered callbacks once, on the calling thread. */
  public void cancel() {
    List<Runnable> toRun;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      toRun = List.copyOf(callbacks);
      callbacks.clear();
    }
    toRun.forEach(Runnable::run);
  }

  /** Whether {@link #cancel()} was called. */
  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /**
   * Runs {@code callback} when this is cancelled, or at once on the calling thread when it already
   * was.
   */
  public void onCancel(Runnable callback) {
    synchronized (this) {
      if (!cancelled) {
        callbacks.add(callback);
        return;
      }
    }
    callback.run();
  }
}
