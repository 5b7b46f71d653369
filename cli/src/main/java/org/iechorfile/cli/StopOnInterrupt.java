package org.iechorfile.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.iechorfile.engine.session.Session;

/**
 * Stops the running step when the process is told to end: the JVM runs its shutdown hooks on
 * SIGINT, SIGTERM and SIGHUP, so a hook stops the running step (the sandbox kills the whole process
 * tree) and gives the command a moment to wind down before the process exits. A batch command
 * ({@code build}) is waited for until it has finished; an interactive one ({@code repl}) only until
 * its running step has ended, since it would otherwise wait for more input.
 */
final class StopOnInterrupt {

  private static final long WIND_DOWN_SECONDS = 3;

  private final Thread hook;
  private final CountDownLatch done = new CountDownLatch(1);
  private final Session session;
  private final StepWatch steps = new StepWatch();

  private StopOnInterrupt(Session session, boolean untilFinished) {
    this.session = session;
    session.addListener(steps);
    this.hook =
        new Thread(
            () -> {
              session.stop();
              try {
                if (untilFinished) {
                  done.await(WIND_DOWN_SECONDS, TimeUnit.SECONDS);
                } else {
                  steps.awaitIdle(TimeUnit.SECONDS.toNanos(WIND_DOWN_SECONDS));
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "iechorfile-interrupt");
  }

  /** Stops {@code session}'s running step when the process is interrupted; waits for the end. */
  static StopOnInterrupt install(Session session) {
    return register(new StopOnInterrupt(session, true));
  }

  /**
   * Stops {@code session}'s running step when the process is told to end, and waits only for that
   * step to end.
   */
  static StopOnInterrupt installInteractive(Session session) {
    return register(new StopOnInterrupt(session, false));
  }

  private static StopOnInterrupt register(StopOnInterrupt interrupt) {
    Runtime.getRuntime().addShutdownHook(interrupt.hook);
    return interrupt;
  }

  /** The command is over: nothing to stop any more. */
  void finished() {
    done.countDown();
    session.removeListener(steps);
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The process is already shutting down; the hook runs and returns at once.
    }
  }
}
