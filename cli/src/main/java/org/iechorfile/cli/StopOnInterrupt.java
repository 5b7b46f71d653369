package org.iechorfile.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.iechorfile.engine.session.Session;

/**
 * Ctrl-C during a batch command: the JVM runs its shutdown hooks on SIGINT, so a hook stops the
 * running step (the sandbox kills the whole process tree) and gives the command a moment to wind
 * down before the process exits.
 */
final class StopOnInterrupt {

  private static final long WIND_DOWN_SECONDS = 3;

  private final Thread hook;
  private final CountDownLatch done = new CountDownLatch(1);

  private StopOnInterrupt(Session session) {
    this.hook =
        new Thread(
            () -> {
              session.stop();
              try {
                done.await(WIND_DOWN_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "iechorfile-interrupt");
  }

  /** Stops {@code session}'s running step when the process is interrupted. */
  static StopOnInterrupt install(Session session) {
    StopOnInterrupt interrupt = new StopOnInterrupt(session);
    Runtime.getRuntime().addShutdownHook(interrupt.hook);
    return interrupt;
  }

  /** The command is over: nothing to stop any more. */
  void finished() {
    done.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The process is already shutting down; the hook runs and returns at once.
    }
  }
}
