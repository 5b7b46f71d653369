package org.iechorfile.engine.command;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.iechorfile.engine.export.ImageExporter;
import org.iechorfile.engine.export.ImageFiles;
import org.iechorfile.engine.export.ImagePush;
import org.iechorfile.engine.session.Trials;
import org.iechorfile.engine.session.Workspace;

/**
 * What the commands that make images or run them need beyond the session: an exporter into the
 * store, file writers, a registry to push to, and the trials that run commands without keeping
 * them. One per session: the trials hold its background command. {@link #none()} has none of them.
 */
public final class ImageTools implements AutoCloseable {

  private final Optional<Workspace> workspace;
  private final Optional<Trials> trials;
  private ImageExporter exporter;

  private ImageTools(Optional<Workspace> workspace) {
    this.workspace = workspace;
    this.trials = workspace.map(w -> new Trials(w.sandbox(), w.home()));
  }

  /** The tools of {@code workspace}, for one session. */
  public static ImageTools of(Workspace workspace) {
    return new ImageTools(Optional.of(workspace));
  }

  /** No tools: {@code %save}, {@code %tag}, {@code %push}, {@code %sh}, {@code %run} refuse. */
  public static ImageTools none() {
    return new ImageTools(Optional.empty());
  }

  /** The exporter into the workspace's store. */
  Optional<ImageExporter> exporter() throws IOException {
    if (workspace.isEmpty()) {
      return Optional.empty();
    }
    if (exporter == null) {
      exporter = ImageExporter.of(workspace.get().store(), Clock.systemUTC());
    }
    return Optional.of(exporter);
  }

  /** Writers of image files from the workspace's store. */
  Optional<ImageFiles> files() {
    return workspace.map(w -> new ImageFiles(w.store()));
  }

  /** Pushes from the workspace's store with its registry client. */
  Optional<ImagePush> push() {
    return workspace.map(w -> new ImagePush(w.store(), w.registry()));
  }

  /** Runs commands in the image without keeping them. */
  Optional<Trials> trials() {
    return trials;
  }

  /** Stops a background command, if one runs. */
  @Override
  public void close() {
    trials.ifPresent(Trials::close);
  }
}
