package org.iechorfile.engine.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.iechorfile.engine.image.Descriptor;

/** Downloads the layers of an image on a small fixed pool; the first failure cancels the rest. */
final class LayerDownloads {
  /** Concurrent layer downloads, as Docker's default of three. */
  static final int CONCURRENCY = 3;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final BlobFetcher blobs;

  LayerDownloads(BlobFetcher blobs) {
    this.blobs = blobs;
  }

  void downloadAll(
      ResolvedImage image, Function<Descriptor, Path> targetFor, PullProgressListener progress)
      throws RegistryException, InterruptedException {
    List<Descriptor> layers = image.manifest().layers();
    if (layers.isEmpty()) {
      return;
    }
    ThreadFactory factory =
        task -> {
          Thread thread = new Thread(task, "layer-download-" + THREADS.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(CONCURRENCY, layers.size()), factory);
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (Descriptor layer : layers) {
        Path target = targetFor.apply(layer);
        futures.add(
            pool.submit(
                () -> {
                  blobs.download(
                      image.endpoint(), image.reference().repository(), layer, target, progress);
                  return null;
                }));
      }
      for (Future<Void> future : futures) {
        await(future);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(Future<Void> future) throws RegistryException, InterruptedException {
    try {
      future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RegistryException registry) {
        throw registry;
      }
      if (cause instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("layer download failed", cause);
    }
  }
}
