package org.iechorfile.kernel.handlers;

/** What the control requests do to the kernel process. */
public interface Lifecycle {

  /** Stops the running cell, if any; callable from any thread. */
  void interrupt();

  /** Asks the kernel to exit once the reply has gone out. */
  void shutdown(boolean restart);
}
