package org.iechorfile.engine.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The part of an image config that says how containers run (the {@code config} object of the OCI
 * image config). Every {@code with} method returns a new value.
 *
 * @param user the user (and group) to run as; empty for root
 * @param env environment as {@code KEY=VALUE} entries, in order
 * @param entrypoint the entrypoint; empty when unset
 * @param cmd the default arguments; empty when unset
 * @param workingDir the working directory; empty for {@code /}
 * @param exposedPorts ports such as {@code 80/tcp}, sorted
 * @param volumes volume paths, sorted
 * @param labels labels, sorted by key
 * @param stopSignal the stop signal; empty for the default
 * @param healthcheck the health check, when one is set
 * @param onBuild trigger instructions for images built from this one
 * @param shell the shell for shell-form instructions; empty for the default
 * @param argsEscaped Docker's Windows-only flag, kept for round trips
 */
public record RuntimeConfig(
    String user,
    List<String> env,
    List<String> entrypoint,
    List<String> cmd,
    String workingDir,
    Set<String> exposedPorts,
    Set<String> volumes,
    Map<String, String> labels,
    String stopSignal,
    Optional<Healthcheck> healthcheck,
    List<String> onBuild,
    List<String> shell,
    boolean argsEscaped) {

  /** A config with nothing set. */
  public static final RuntimeConfig EMPTY =
      new RuntimeConfig(
          "",
          List.of(),
          List.of(),
          List.of(),
          "",
          Set.of(),
          Set.of(),
          Map.of(),
          "",
          Optional.empty(),
          List.of(),
          List.of(),
          false);

  public RuntimeConfig {
    Objects.requireNonNull(user, "user");
    env = List.copyOf(env);
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    Objects.requireNonNull(workingDir, "workingDir");
    exposedPorts = Collections.unmodifiableSortedSet(new TreeSet<>(exposedPorts));
    volumes = Collections.unmodifiableSortedSet(new TreeSet<>(volumes));
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    Objects.requireNonNull(stopSignal, "stopSignal");
    Objects.requireNonNull(healthcheck, "healthcheck");
    onBuild = List.copyOf(onBuild);
    shell = List.copyOf(shell);
  }

  /** The value of environment variable {@code name}, as the last entry for it says. */
  public Optional<String> envValue(String name) {
    Optional<String> found = Optional.empty();
    for (String entry : env) {
      int eq = entry.indexOf('=');
      String key = eq < 0 ? entry : entry.substring(0, eq);
      if (key.equals(name)) {
        found = Optional.of(eq < 0 ? "" : entry.substring(eq + 1));
      }
    }
    return found;
  }

  /** This config with {@code name} set to {@code value}, replacing an earlier value in place. */
  public RuntimeConfig withEnv(String name, String value) {
    if (name.isEmpty() || name.indexOf('=') >= 0) {
      throw new IllegalArgumentException("invalid environment variable name: \"" + name + "\"");
    }
    List<String> next = new ArrayList<>(env.size() + 1);
    boolean replaced = false;
    for (String entry : env) {
      if (entry.equals(name) || entry.startsWith(name + "=")) {
        if (!replaced) {
          next.add(name + "=" + value);
          replaced = true;
        }
      } else {
        next.add(entry);
      }
    }
    if (!replaced) {
      next.add(name + "=" + value);
    }
    return withEnvList(next);
  }

  /** This config with the environment replaced by {@code entries}. */
  public RuntimeConfig withEnvList(List<String> entries) {
    return new RuntimeConfig(
        user,
        entries,
        entrypoint,
        cmd,
        workingDir,
        exposedPorts,
        volumes,
        labels,
        stopSignal,
        healthcheck,
        onBuild,
        shell,
        argsEscaped);
  }

  /** This config running as {@code newUser}. */
  public RuntimeConfig withUser(String newUser) {
    return new RuntimeConfig(
        newUser,
        env,
        entrypoint,
        cmd,
        workingDir,
        exposedPorts,
        volumes,
        labels,
        stopSignal,
        healthcheck,
        onBuild,
        shell,
        argsEscaped);
  }

  /** This config with {@code newEntrypoint}; Docker then clears the command as well. */
  public RuntimeConfig withEntrypoint(List<String> newEntrypoint) {
    return new RuntimeConfig(
        user,
        env,
        newEntrypoint,
        List.of(),
        workingDir,
        exposedPorts,
        volumes,
        labels,
        stopSignal,
        healthcheck,
        onBuild,
        shell,
        argsEscaped);
  }

  /** This config with the default command {@code newCmd}. */
  public RuntimeConfig withCmd(List<String> newCmd) {
    return new RuntimeConfig(
        user,
        env,
        entrypoint,
        newCmd,
        workingDir,
        exposedPorts,
        volumes,
        labels,
        stopSignal,
        healthcheck,
        onBuild,
        shell,
        argsEscaped);
  }

  /** This config with working directory {@code dir}. */
  public RuntimeConfig withWorkingDir(String dir) {
    return new RuntimeConfig(
        user,
        env,
        entrypoint,
        cmd,
        dir,
        exposedPorts,
        volumes,
        labels,
        stopSignal,
        healthcheck,
        onBuild,
        shell,
        argsEscaped);
  }

  /** This config with {@code port} (for example {@code 80/tcp}) exposed as well. */
  public RuntimeConfig withExposedPort(String port) {
    Set<String> next = new TreeSet<>(exposedPorts);
    next.add(port);
    return new RuntimeConfig(
        user,
        env,
        entrypoint,
        cmd,
        workingDir,
        next,
        volumes,
        labels,
        stopSignal,
        healthcheck,
        onBuild,
        shell,
        argsEscaped);
  }

  /** This config with {@code path} declared a volume as well. */
  public RuntimeConfig withVolume(String path) {
    Set<String> next = new TreeSet<>(volumes);
    next.add(path);
    return new RuntimeConfig(
        user,
        env,
        entrypoint,
        cmd,
        workingDir,
        exposedPorts,
        next,
        labels,
        stopSignal,
        healthcheck,
        onBuild,
        shell,
        argsEscaped);
  }

  /** This config with label {@code key} set to {@code value}. */
  public RuntimeConfig withLabel(String key, String value) {
    Map<String, String> next = new TreeMap<>(labels);
    next.put(key, value);
    return new RuntimeConfig(
        user,
        env,
        entrypoint,
        cmd,
        workingDir,
        exposedPorts,
        volumes,
        next,
        stopSignal,
        healthcheck,
        onBuild,
        shell,
        argsEscaped);
  }

  /** This config with stop signal {@code signal}. */
  public RuntimeConfig withStopSignal(String signal) {
    return new RuntimeConfig(
        user,
        env,
        entrypoint,
        cmd,
        workingDir,
        exposedPorts,
        volumes,
        labels,
        signal,
        healthcheck,
        onBuild,
        shell,
        argsEscaped);
  }

  /** This config with health check {@code check}. */
  public RuntimeConfig withHealthcheck(Healthcheck check) {
    return new RuntimeConfig(
        user,
        env,
        entrypoint,
        cmd,
        workingDir,
        exposedPorts,
        volumes,
        labels,
        stopSignal,
        Optional.of(check),
        onBuild,
        shell,
        argsEscaped);
  }

  /** This config with {@code trigger} added to the ONBUILD triggers. */
  public RuntimeConfig withOnBuild(String trigger) {
    List<String> next = new ArrayList<>(onBuild);
    next.add(trigger);
    return new RuntimeConfig(
        user,
        env,
        entrypoint,
        cmd,
        workingDir,
        exposedPorts,
        volumes,
        labels,
        stopSignal,
        healthcheck,
        next,
        shell,
        argsEscaped);
  }

  /** This config with the ONBUILD triggers cleared (as a child image starts). */
  public RuntimeConfig withoutOnBuild() {
    return new RuntimeConfig(
        user,
        env,
        entrypoint,
        cmd,
        workingDir,
        exposedPorts,
        volumes,
        labels,
        stopSignal,
        healthcheck,
        List.of(),
        shell,
        argsEscaped);
  }

  /** This config with shell {@code newShell}. */
  public RuntimeConfig withShell(List<String> newShell) {
    return new RuntimeConfig(
        user,
        env,
        entrypoint,
        cmd,
        workingDir,
        exposedPorts,
        volumes,
        labels,
        stopSignal,
        healthcheck,
        onBuild,
        newShell,
        argsEscaped);
  }

  /** This config with Docker's ArgsEscaped flag set to {@code escaped}. */
  public RuntimeConfig withArgsEscaped(boolean escaped) {
    return new RuntimeConfig(
        user,
        env,
        entrypoint,
        cmd,
        workingDir,
        exposedPorts,
        volumes,
        labels,
        stopSignal,
        healthcheck,
        onBuild,
        shell,
        escaped);
  }
}
