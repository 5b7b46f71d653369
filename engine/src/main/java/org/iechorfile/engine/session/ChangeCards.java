package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iechorfile.engine.CacheOutcome;
import org.iechorfile.engine.ChangeCard;
import org.iechorfile.engine.ConfigChange;
import org.iechorfile.engine.fs.Change;
import org.iechorfile.engine.fs.LayeredView;
import org.iechorfile.engine.fs.TreeDiff;

/** Works out a step's change card from the states before and after it. */
final class ChangeCards {

  private static final System.Logger LOG = System.getLogger(ChangeCards.class.getName());

  private ChangeCards() {}

  /**
   * The card of a step from {@code before} to {@code after}. Only the layers the step added are
   * examined, so the cost follows the step's changes, not the image's size. When the layers cannot
   * be read, the card shows the config delta alone (the step itself succeeded).
   */
  static ChangeCard of(
      ImageState before,
      ImageState after,
      List<ConfigChange> config,
      Duration duration,
      CacheOutcome cache) {
    if (after.layers().equals(before.layers())) {
      return ChangeCard.configOnly(config, duration, cache);
    }
    try {
      TreeDiff diff = TreeDiff.between(view(before), view(after), TreeDiff.Times.COMPARED);
      List<ChangeCard.PathSize> biggest =
          diff.biggest(ChangeCard.BIGGEST_PATHS).stream()
              .map(c -> new ChangeCard.PathSize(c.path(), c.bytesAfter()))
              .toList();
      return new ChangeCard(
          diff.of(Change.Kind.ADDED).size(),
          diff.of(Change.Kind.CHANGED).size(),
          diff.of(Change.Kind.REMOVED).size(),
          diff.bytesAdded(),
          diff.bytesRemoved(),
          biggest,
          config,
          duration,
          cache);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot work out the files a step changed", e);
      return ChangeCard.configOnly(config, duration, cache);
    }
  }

  /** The filesystem of {@code state}, straight from its layer directories. */
  static LayeredView view(ImageState state) {
    return LayeredView.of(state.layers().stream().map(LayerRef::directory).toList());
  }

  /** The filesystem of {@code state} with {@code upper} (a failed step's files) on top. */
  static LayeredView view(ImageState state, Path upper) {
    List<Path> layers = new java.util.ArrayList<>();
    state.layers().forEach(l -> layers.add(l.directory()));
    layers.add(upper);
    return LayeredView.of(layers);
  }
}
