package org.iechorfile.engine.tar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Removes directory trees on a background thread. A sandbox's scratch area and an overlay's work
 * directory can only be removed once the kernel has taken down the command's mount namespace, which
 * it does a few milliseconds after the command ends; a step should not wait for that. Trees still
 * queued when the JVM exits are removed by a shutdown hook (for at most a few seconds).
 */
public final class BackgroundDeletion {

  private static final System.Logger LOG = System.getLogger(BackgroundDeletion.class.getName());
  private static final long DRAIN_SECONDS = 5;

  private static final ExecutorService EXECUTOR = start();

  private BackgroundDeletion() {}

  private static ExecutorService start() {
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "background-deletion");
              thread.setDaemon(true);
              return thread;
            });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  executor.shutdown();
                  try {
                    executor.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "background-deletion-drain"));
    return executor;
  }

  /**
   * Queues {@code tree} for removal; failures are logged as warnings. The returned future completes
   * when the tree is gone (or its removal failed).
   */
  public static Future<?> delete(Path tree) {
    return delete(tree, () -> {});
  }

  /**
   * Queues {@code tree} for removal, then runs {@code then} (on the background thread, whether the
   * removal worked or not); failures of either are logged as warnings.
   */
  public static Future<?> delete(Path tree, Then then) {
    return EXECUTOR.submit(
        () -> {
          try {
            DirectoryTrees.delete(tree);
          } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove " + tree + ": " + e.getMessage());
          }
          try {
            then.run();
          } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "after removing " + tree + ": " + e.getMessage());
          }
        });
  }

  /** What to do once a tree is gone. */
  @FunctionalInterface
  public interface Then {
    void run() throws IOException;
  }
}
