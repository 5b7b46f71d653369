package org.iechorfile.engine;

import java.util.Objects;

/**
 * Progress of an image pull, per layer.
 *
 * @param step the FROM (or COPY --from) step pulling
 * @param image the image reference being pulled
 * @param layer the layer's short digest
 * @param bytesDone bytes downloaded so far
 * @param bytesTotal the layer's size
 */
public record PullProgress(StepId step, String image, String layer, long bytesDone, long bytesTotal)
    implements SessionEvent {

  public PullProgress {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(layer, "layer");
  }

  /** Whether the layer is complete. */
  public boolean finished() {
    return bytesDone >= bytesTotal;
  }

  @Override
  public void deliverTo(SessionListener listener) {
    listener.pullProgress(this);
  }
}
