package org.iechorfile.cli;

import java.io.IOException;
import java.util.List;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.command.CommandTarget;
import org.iechorfile.engine.command.ImageTools;
import org.iechorfile.engine.session.Session;
import org.iechorfile.engine.session.SessionCompletionSource;
import org.iechorfile.engine.session.Workspace;
import org.iechorfile.engine.store.ImageSummary;

/** Ties a session to the analysis and directory the front ends use with it. */
final class Sessions {

  private static final System.Logger LOG = System.getLogger(Sessions.class.getName());

  private Sessions() {}

  /** The command target for {@code session}: completion over it and the workspace's store. */
  static CommandTarget target(Session session, Workspace workspace, Launch launch) {
    SessionCompletionSource source =
        new SessionCompletionSource(session, () -> images(workspace), launch.directory());
    return new CommandTarget(
        session, new Analysis(source), launch.directory(), ImageTools.of(workspace));
  }

  private static List<ImageSummary> images(Workspace workspace) {
    try {
      return workspace.store().images();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot list the store's images for completion", e);
      return List.of();
    }
  }
}
