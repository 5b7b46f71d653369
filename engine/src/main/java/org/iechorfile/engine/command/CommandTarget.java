package org.iechorfile.engine.command;

import java.nio.file.Path;
import java.util.Objects;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.session.Session;

/**
 * What {@code %} commands act on: the session, the analysis that documents the language, and the
 * directory relative paths are resolved against.
 *
 * @param session the session; commands use it from the caller's thread
 * @param analysis the analysis for {@code %help}
 * @param directory the directory relative host paths ({@code %load}, {@code %context}) start from
 */
public record CommandTarget(Session session, Analysis analysis, Path directory) {

  public CommandTarget {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(analysis, "analysis");
    directory = directory.toAbsolutePath().normalize();
  }

  /** {@code path} resolved against {@link #directory()}. */
  public Path resolve(String path) {
    return directory.resolve(path).normalize();
  }
}
