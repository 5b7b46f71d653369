package org.iechorfile.cli;

import org.iechorfile.kernel.Kernel;
import org.jline.utils.Signals;

/**
 * Signals for a running kernel, as ipykernel handles them: SIGINT (Ctrl-C in the terminal that
 * started Jupyter, or Jupyter's signal interrupt) stops the running cell and the kernel goes on;
 * SIGTERM and SIGHUP end the process, and a shutdown hook first stops the running cell, so that no
 * RUN process is left behind, and closes the kernel.
 */
final class KernelSignals implements AutoCloseable {

  private final Object previousInterrupt;
  private final Thread hook;

  private KernelSignals(Kernel kernel) {
    this.previousInterrupt = Signals.register("INT", kernel::interrupt);
    this.hook = new Thread(kernel::close, "iechorfile-kernel-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Installs the handlers for {@code kernel} until {@link #close()}. */
  static KernelSignals install(Kernel kernel) {
    return new KernelSignals(kernel);
  }

  @Override
  public void close() {
    Signals.unregister("INT", previousInterrupt);
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The process is already shutting down; the hook closes the kernel.
    }
  }
}
