package org.iechorfile.engine.session;

import java.util.Map;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.images.ImageUnavailable;

/** Base images from a fixed table; anything else is not found. */
final class FixedImages implements BaseImages {

  private final Map<String, Image> images;

  FixedImages(Map<String, Image> images) {
    this.images = Map.copyOf(images);
  }

  @Override
  public Image resolve(String reference, Platform platform, Progress progress)
      throws ImageUnavailable {
    Image image = images.get(reference);
    if (image == null) {
      throw new ImageUnavailable(
          ImageUnavailable.Reason.NOT_FOUND,
          "image " + reference + " not found; check the name and tag",
          null);
    }
    image.layers().forEach(l -> progress.layer(reference, l.shortName(), l.bytes(), l.bytes()));
    return image;
  }
}
