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
 * @param tools the store, registry and sandbox for {@code %save}, {@code %tag}, {@code %push},
 *     {@code %sh} and {@code %run}
 */
public record CommandTarget(Session session, Analysis analysis, Path directory, ImageTools tools) {

  public CommandTarget {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(analysis, "analysis");
    directory = directory.toAbsolutePath().normalize();
    Objects.requireNonNull(tools, "tools");
  }

  /** A target without image tools: the commands that need them say they are not available. */
  public CommandTarget(Session session, Analysis analysis, Path directory) {
    this(session, analysis, directory, ImageTools.none());
  }

  /** {@code path} resolved against {@link #directory()}. */
  public Path resolve(String path) {
    return directory.resolve(path).normalize();
  }
}
