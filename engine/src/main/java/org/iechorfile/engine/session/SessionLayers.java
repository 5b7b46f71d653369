package org.iechorfile.engine.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A session's hold on the layers of the store: the drafts its steps write, the layers it publishes
 * as live so that garbage collection in any process keeps them, the upper directory of its last
 * failed RUN, and the release of all of them when the session closes.
 */
final class SessionLayers {

  private static final System.Logger LOG = System.getLogger(SessionLayers.class.getName());

  private final LiveSet live;
  private final LayerCollector collector;
  private final StepLayers layers;
  private Optional<StepLayers.Draft> failedDraft = Optional.empty();

  private SessionLayers(LiveSet live, LayerCollector collector, StepLayers layers) {
    this.live = live;
    this.collector = collector;
    this.layers = layers;
  }

  /** Registers a session in the store under {@code home}. */
  static SessionLayers open(Path home) throws IOException {
    LiveSet live = LiveSet.open(home);
    return new SessionLayers(live, new LayerCollector(home), new StepLayers(home, live::hold));
  }

  /** The layers steps draft, commit and claim; each one they claim is held for the session. */
  StepLayers steps() {
    return layers;
  }

  /**
   * Publishes the layers {@code states} use (their stages too) so that garbage collection in any
   * process keeps them; called whenever the list of steps changes.
   */
  void publish(List<ImageState> states) {
    try {
      live.retain(LiveSet.layersOf(states));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the session's layers in the store", e);
    }
  }

  /** Keeps the draft of a failed RUN for inspection until the next step. */
  void keepFailed(StepLayers.Draft draft) {
    failedDraft = Optional.of(draft);
  }

  /** The upper directory of the last failed RUN, while it is kept. */
  Optional<Path> failedLayer() {
    return failedDraft.map(StepLayers.Draft::upper);
  }

  /** Removes the kept draft of the last failed RUN, if any. */
  void dropFailed() {
    if (failedDraft.isPresent()) {
      try {
        layers.discard(failedDraft.get());
      } catch (IOException e) {
        LOG.log(
            System.Logger.Level.WARNING, "cannot remove a failed step's files: " + e.getMessage());
      }
      failedDraft = Optional.empty();
    }
  }

  /**
   * Drops the failed draft, waits for drafts being removed, and releases the session's layers:
   * those no build-cache record and no other open session uses are removed now.
   */
  void close() {
    dropFailed();
    layers.settle();
    try {
      live.close();
      collector.release(live.claimed());
    } catch (IOException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "cannot remove the session's layers; iechorfile gc will: " + e.getMessage());
    }
  }
}
