package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.images.ImageLibrary;
import org.iechorfile.engine.images.ImageUnavailable;
import org.iechorfile.engine.images.LocalImage;
import org.iechorfile.engine.store.Snapshot;

/**
 * Base images for FROM from the user's image library: the local store first, then the registry;
 * each unpacked layer gets a short link so sessions can stack it.
 */
public final class StoreImages implements BaseImages {

  private final ImageLibrary library;
  private final StepLayers links;

  /** Images from {@code library}, linked for sessions whose store is {@code home}. */
  public StoreImages(ImageLibrary library, Path home) {
    this.library = library;
    this.links = new StepLayers(home);
  }

  @Override
  public Image resolve(String reference, Platform platform, Progress progress)
      throws ImageUnavailable, IOException, InterruptedException {
    LocalImage image =
        library.get(
            reference,
            platform,
            (blob, done, total) ->
                progress.layer(reference, blob.digest().shortHex(), done, total));
    List<LayerRef> layers = new ArrayList<>();
    for (Snapshot snapshot : image.layers()) {
      layers.add(links.external("snapshot-" + snapshot.diffId().hex(), snapshot.directory()));
    }
    return new Image(image.reference(), image.config(), layers);
  }
}
