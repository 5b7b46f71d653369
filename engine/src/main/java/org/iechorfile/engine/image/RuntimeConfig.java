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
import java.util.function.Consumer;

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
    return with(c -> c.env = entries);
  }

  /** This config running as {@code newUser}. */
  public RuntimeConfig withUser(String newUser) {
    return with(c -> c.user = newUser);
  }

  /** This config with {@code newEntrypoint}; Docker then clears the command as well. */
  public RuntimeConfig withEntrypoint(List<String> newEntrypoint) {
    return with(
        c -> {
          c.entrypoint = newEntrypoint;
          c.cmd = List.of();
        });
  }

  /** This config with the default command {@code newCmd}. */
  public RuntimeConfig withCmd(List<String> newCmd) {
    return with(c -> c.cmd = newCmd);
  }

  /** This config with working directory {@code dir}. */
  public RuntimeConfig withWorkingDir(String dir) {
    return with(c -> c.workingDir = dir);
  }

  /** This config with {@code port} (for example {@code 80/tcp}) exposed as well. */
  public RuntimeConfig withExposedPort(String port) {
    Set<String> next = new TreeSet<>(exposedPorts);
    next.add(port);
    return with(c -> c.exposedPorts = next);
  }

  /** This config with {@code path} declared a volume as well. */
  public RuntimeConfig withVolume(String path) {
    Set<String> next = new TreeSet<>(volumes);
    next.add(path);
    return with(c -> c.volumes = next);
  }

  /** This config with label {@code key} set to {@code value}. */
  public RuntimeConfig withLabel(String key, String value) {
    Map<String, String> next = new TreeMap<>(labels);
    next.put(key, value);
    return with(c -> c.labels = next);
  }

  /** This config with stop signal {@code signal}. */
  public RuntimeConfig withStopSignal(String signal) {
    return with(c -> c.stopSignal = signal);
  }

  /** This config with health check {@code check}. */
  public RuntimeConfig withHealthcheck(Healthcheck check) {
    return with(c -> c.healthcheck = Optional.of(check));
  }

  /** This config with {@code trigger} added to the ONBUILD triggers. */
  public RuntimeConfig withOnBuild(String trigger) {
    List<String> next = new ArrayList<>(onBuild);
    next.add(trigger);
    return with(c -> c.onBuild = next);
  }

  /** This config with the ONBUILD triggers cleared (as a child image starts). */
  public RuntimeConfig withoutOnBuild() {
    return with(c -> c.onBuild = List.of());
  }

  /** This config with shell {@code newShell}. */
  public RuntimeConfig withShell(List<String> newShell) {
    return with(c -> c.shell = newShell);
  }

  /** This config with Docker's ArgsEscaped flag set to {@code escaped}. */
  public RuntimeConfig withArgsEscaped(boolean escaped) {
    return with(c -> c.argsEscaped = escaped);
  }

  /** A copy of {@code this} changed by {@code change}: one place that lists every component. */
  private RuntimeConfig with(Consumer<Components> change) {
    Components c = new Components(this);
    change.accept(c);
    return new RuntimeConfig(
        c.user,
        c.env,
        c.entrypoint,
        c.cmd,
        c.workingDir,
        c.exposedPorts,
        c.volumes,
        c.labels,
        c.stopSignal,
        c.healthcheck,
        c.onBuild,
        c.shell,
        c.argsEscaped);
  }

  /** The components of a config, to change before making a new one. */
  private static final class Components {
    String user;
    List<String> env;
    List<String> entrypoint;
    List<String> cmd;
    String workingDir;
    Set<String> exposedPorts;
    Set<String> volumes;
    Map<String, String> labels;
    String stopSignal;
    Optional<Healthcheck> healthcheck;
    List<String> onBuild;
    List<String> shell;
    boolean argsEscaped;

    Components(RuntimeConfig config) {
      user = config.user;
      env = config.env;
      entrypoint = config.entrypoint;
      cmd = config.cmd;
      workingDir = config.workingDir;
      exposedPorts = config.exposedPorts;
      volumes = config.volumes;
      labels = config.labels;
      stopSignal = config.stopSignal;
      healthcheck = config.healthcheck;
      onBuild = config.onBuild;
      shell = config.shell;
      argsEscaped = config.argsEscaped;
    }
  }
}
