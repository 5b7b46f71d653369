package org.iechorfile.engine.registry;

import org.iechorfile.engine.image.Descriptor;

/**
 * Told how far each blob download has come. Layers download concurrently, so this is called from
 * several threads at once; implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface PullProgressListener {

  /** A listener that ignores progress. */
  PullProgressListener NONE = (blob, done, total) -> {};

  /**
   * {@code done} of {@code total} bytes of {@code blob} have arrived. Called at least once at the
   * start (0) and once at the end ({@code done == total}).
   */
  void progressed(Descriptor blob, long done, long total);
}
