package org.iechorfile.engine.session;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user set for a session's later steps: the build arguments, the build context and whether
 * the build cache is used. Steps read it when they run, so a change reaches every step applied
 * after it and none before.
 */
final class StepSettings {

  private final Map<String, String> buildArgs = new LinkedHashMap<>();
  private Optional<Path> context;
  private boolean cacheEnabled;

  StepSettings(Map<String, String> buildArgs, Optional<Path> context, boolean cacheEnabled) {
    this.buildArgs.putAll(buildArgs);
    this.context = context;
    this.cacheEnabled = cacheEnabled;
  }

  /** Sets a build argument. */
  void setBuildArg(String name, String value) {
    buildArgs.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
  }

  /** The build arguments set so far, in the order they were first set; a read-only view. */
  Map<String, String> buildArgs() {
    return Collections.unmodifiableMap(buildArgs);
  }

  /** Sets the build context directory. */
  void setContext(Path directory) {
    context =
        Optional.of(Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize());
  }

  /** The build context, if one is set. */
  Optional<Path> context() {
    return context;
  }

  /** Turns the build cache on or off. */
  void setCacheEnabled(boolean enabled) {
    cacheEnabled = enabled;
  }

  /** Whether steps use the build cache. */
  boolean cacheEnabled() {
    return cacheEnabled;
  }
}
