package org.iechorfile.kernel;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.iechorfile.engine.command.CommandTarget;

/**
 * Opens the session on a thread of its own while the channels come up, so that the kernel answers
 * {@code kernel_info_request} (and counts as ready) before the store, registry client and sandbox
 * are set up. The first request that needs the session waits for it; if opening failed, that
 * request fails with the reason.
 */
final class SessionOpening implements Supplier<CommandTarget> {

  private final CompletableFuture<CommandTarget> target = new CompletableFuture<>();

  SessionOpening(Callable<CommandTarget> opener) {
    Thread thread =
        new Thread(
            () -> {
              try {
                target.complete(opener.call());
              } catch (Exception e) {
                // Handed to the first request that needs the session, which reports it.
                target.completeExceptionally(e);
              }
            },
            "kernel-session-open");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The opened session's target, waiting for it.
   *
   * @throws IllegalStateException when the session could not be opened, with the reason
   */
  @Override
  public CommandTarget get() {
    try {
      return target.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException("cannot open the session: " + cause.getMessage(), cause);
    }
  }

  /** Stops a running step and closes the session, once it is open (now or later). */
  void close() {
    target.thenAccept(
        opened -> {
          opened.session().stop();
          opened.session().close();
        });
  }
}
