package org.iechorfile.engine.session;

import java.io.IOException;
import java.util.List;
import org.iechorfile.engine.image.ImageConfig;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.images.ImageUnavailable;

/**
 * Where FROM finds images by reference: the local store, pulling from a registry when the image is
 * missing. Implementations are thread-safe.
 */
public interface BaseImages {

  /** Progress of a pull, per layer. */
  interface Progress {
    void layer(String image, String layer, long bytesDone, long bytesTotal);
  }

  /**
   * An image ready to build on.
   *
   * @param reference the normalised reference ({@code docker.io/library/busybox:latest})
   * @param config the image's config
   * @param layers its layers unpacked, base first
   */
  record Image(String reference, ImageConfig config, List<LayerRef> layers) {
    public Image {
      layers = List.copyOf(layers);
    }
  }

  /**
   * The image {@code reference} for {@code platform}, pulled when missing.
   *
   * @throws ImageUnavailable with a message that says what failed and what to do
   */
  Image resolve(String reference, Platform platform, Progress progress)
      throws ImageUnavailable, IOException, InterruptedException;
}
