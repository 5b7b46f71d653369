package org.iechorfile.engine;

import java.util.Objects;

/**
 * A step produced a new filesystem layer.
 *
 * @param step the step
 * @param layer the layer's id in the store
 * @param bytes the bytes of file content in the layer
 * @param entries the files, directories, links and deletions in the layer
 */
public record LayerCommitted(StepId step, String layer, long bytes, long entries)
    implements SessionEvent {

  public LayerCommitted {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(layer, "layer");
  }

  @Override
  public void deliverTo(SessionListener listener) {
    listener.layerCommitted(this);
  }
}
