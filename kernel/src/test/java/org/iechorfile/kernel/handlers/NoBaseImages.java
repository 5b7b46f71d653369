package org.iechorfile.kernel.handlers;

import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.images.ImageUnavailable;
import org.iechorfile.engine.session.BaseImages;

/** Base images for tests that use {@code FROM scratch} only: every other image is not found. */
public final class NoBaseImages implements BaseImages {

  @Override
  public Image resolve(String reference, Platform platform, Progress progress)
      throws ImageUnavailable {
    throw new ImageUnavailable(
        ImageUnavailable.Reason.NOT_FOUND, "no image " + reference + " in this test", null);
  }
}
