package org.iechorfile.engine.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.image.HistoryEntry;
import org.iechorfile.engine.image.RuntimeConfig;
import org.iechorfile.engine.instruction.Arg;
import org.iechorfile.engine.instruction.ArgDefinition;
import org.iechorfile.engine.instruction.Cmd;
import org.iechorfile.engine.instruction.CommandForm;
import org.iechorfile.engine.instruction.Entrypoint;
import org.iechorfile.engine.instruction.Env;
import org.iechorfile.engine.instruction.Expose;
import org.iechorfile.engine.instruction.Healthcheck;
import org.iechorfile.engine.instruction.Instruction;
import org.iechorfile.engine.instruction.KeyValue;
import org.iechorfile.engine.instruction.Label;
import org.iechorfile.engine.instruction.Maintainer;
import org.iechorfile.engine.instruction.Onbuild;
import org.iechorfile.engine.instruction.Shell;
import org.iechorfile.engine.instruction.StopSignal;
import org.iechorfile.engine.instruction.User;
import org.iechorfile.engine.instruction.Volume;
import org.iechorfile.engine.instruction.Workdir;

/**
 * Applies the instructions that change only the image config (and ARG, which changes only the
 * build's variables) to a state, with the reference's rules. Pure: no files, no processes. The
 * instruction comes already expanded.
 */
final class ConfigDispatch {

  static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");
  private static final Pattern PORT = Pattern.compile("(\\d+)(?:-(\\d+))?(?:/([A-Za-z]+))?");
  private static final Pattern SIGNAL = Pattern.compile("(?i)(SIG)?[A-Z][A-Z0-9+-]*|\\d+");

  private final Instant now;
  private final Map<String, String> buildArgs;

  /** Makes a dispatch for one step, with the step's time and the build args then in force. */
  interface Factory {
    ConfigDispatch create(Map<String, String> buildArgs);
  }

  ConfigDispatch(Instant now, Map<String, String> buildArgs) {
    this.now = now;
    this.buildArgs = Map.copyOf(buildArgs);
  }

  /** Whether {@code instruction} is one this class applies. */
  static boolean handles(Instruction instruction) {
    return instruction instanceof Env
        || instruction instanceof Label
        || instruction instanceof Workdir
        || instruction instanceof User
        || instruction instanceof Expose
        || instruction instanceof Volume
        || instruction instanceof StopSignal
        || instruction instanceof Cmd
        || instruction instanceof Entrypoint
        || instruction instanceof Shell
        || instruction instanceof Healthcheck
        || instruction instanceof Onbuild
        || instruction instanceof Maintainer
        || instruction instanceof Arg;
  }

  // One branch per instruction: a flat table reads better than a map of handlers.
  ImageState apply(ImageState state, Instruction instruction) throws StepRejection {
    if (instruction instanceof Arg arg) {
      return arg(state, arg);
    }
    RuntimeConfig config = state.config();
    RuntimeConfig next;
    String createdBy;
    boolean cmdSet = state.cmdSetInStage();
    if (instruction instanceof Env env) {
      next = config;
      for (KeyValue pair : env.pairs()) {
        next = next.withEnv(pair.key(), pair.value());
      }
      createdBy = "ENV " + pairs(env.pairs());
    } else if (instruction instanceof Label label) {
      next = config;
      for (KeyValue pair : label.pairs()) {
        next = next.withLabel(pair.key(), pair.value());
      }
      createdBy = "LABEL " + pairs(label.pairs());
    } else if (instruction instanceof Workdir workdir) {
      String dir = workingDirectory(config.workingDir(), workdir.path());
      next = config.withWorkingDir(dir);
      createdBy = "WORKDIR " + dir;
    } else if (instruction instanceof User user) {
      next = config.withUser(user.user());
      createdBy = "USER " + user.user();
    } else if (instruction instanceof Expose expose) {
      next = config;
      List<String> ports = new ArrayList<>();
      for (String port : expose.ports()) {
        for (String p : ports(expose, port)) {
          next = next.withExposedPort(p);
          ports.add(p);
        }
      }
      createdBy = "EXPOSE " + String.join(" ", ports);
    } else if (instruction instanceof Volume volume) {
      next = config;
      for (String path : volume.paths()) {
        if (path.isEmpty()) {
          throw reject(volume, "VOLUME specified can not be an empty string");
        }
        next = next.withVolume(path);
      }
      createdBy = "VOLUME " + volume.paths();
    } else if (instruction instanceof StopSignal stop) {
      if (!SIGNAL.matcher(stop.signal()).matches()) {
        throw reject(
            stop, "invalid signal: " + stop.signal() + " (use a name such as SIGTERM or a number)");
      }
      next = config.withStopSignal(stop.signal());
      createdBy = "STOPSIGNAL " + stop.signal();
    } else if (instruction instanceof Cmd cmd) {
      next = config.withCmd(command(config, cmd.command()));
      cmdSet = true;
      createdBy = "CMD " + json(next.cmd());
    } else if (instruction instanceof Entrypoint entrypoint) {
      List<String> cmd = config.cmd();
      next = config.withEntrypoint(command(config, entrypoint.command()));
      if (state.cmdSetInStage()) {
        next = next.withCmd(cmd);
      }
      createdBy = "ENTRYPOINT " + json(next.entrypoint());
    } else if (instruction instanceof Shell shell) {
      next = config.withShell(shell.shell());
      createdBy = "SHELL " + json(shell.shell());
    } else if (instruction instanceof Healthcheck check) {
      next = config.withHealthcheck(healthcheck(config, check));
      createdBy = "HEALTHCHECK " + json(check.test());
    } else if (instruction instanceof Onbuild onbuild) {
      next = config.withOnBuild(onbuild.expression());
      createdBy = "ONBUILD " + onbuild.expression();
    } else if (instruction instanceof Maintainer maintainer) {
      next = config;
      createdBy = "MAINTAINER " + maintainer.name();
    } else {
      throw new IllegalArgumentException("not a config instruction: " + instruction.keyword());
    }
    String key = CacheKeys.next(state.key(), List.of(createdBy));
    ImageState result =
        state.withConfig(next, HistoryEntry.of(now, createdBy + " # buildkit", true), key);
    return cmdSet == result.cmdSetInStage() ? result : result.withCmdSetInStage(cmdSet);
  }

  /**
   * ARG: before the first FROM it declares a global ARG; in a stage it brings a name into scope
   * with the build-arg value, else its default, else the global value of the same name.
   */
  private ImageState arg(ImageState state, Arg arg) {
    Map<String, String> args = new LinkedHashMap<>(state.args());
    Map<String, String> globals = new LinkedHashMap<>(state.globalArgs());
    Map<String, String> target = state.inStage() ? args : globals;
    List<String> parts = new ArrayList<>();
    for (ArgDefinition definition : arg.definitions()) {
      String name = definition.name();
      String value = buildArgs.get(name);
      if (value == null) {
        value = definition.defaultValue().orElse(null);
      }
      if (value == null && state.inStage()) {
        value = state.globalArgs().get(name);
      }
      target.remove(name);
      if (value != null) {
        target.put(name, value);
      }
      parts.add(name);
    }
    // The values stay out of the key: as in BuildKit, a changed value misses the cache where it is
    // first used (every RUN, and any instruction that expands it), not at the ARG itself.
    String key = CacheKeys.next(state.key(), List.of("ARG", String.join("\n", parts)));
    return state.withArgs(args, globals, key);
  }

  /** The exec form as given, or the shell form wrapped in the image's SHELL. */
  static List<String> command(RuntimeConfig config, CommandForm form) {
    if (form.exec()) {
      return form.args();
    }
    List<String> argv = new ArrayList<>(config.shell().isEmpty() ? DEFAULT_SHELL : config.shell());
    argv.add(form.text());
    return argv;
  }

  private static org.iechorfile.engine.image.Healthcheck healthcheck(
      RuntimeConfig config, Healthcheck check) {
    List<String> test;
    if (check.none()) {
      test = List.of("NONE");
    } else if (check.command().exec()) {
      test = check.test();
    } else {
      test = List.of("CMD-SHELL", check.command().text());
    }
    return new org.iechorfile.engine.image.Healthcheck(
        test,
        check.interval(),
        check.timeout(),
        check.startPeriod(),
        check.startInterval(),
        check.retries());
  }

  /** WORKDIR: a relative path continues from the previous one; the result is cleaned. */
  static String workingDirectory(String previous, String path) {
    String joined =
        path.startsWith("/") ? path : (previous.isEmpty() ? "/" : previous) + "/" + path;
    List<String> parts = new ArrayList<>();
    for (String part : joined.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else {
        parts.add(part);
      }
    }
    return "/" + String.join("/", parts);
  }

  private static List<String> ports(Expose expose, String spec) throws StepRejection {
    Matcher m = PORT.matcher(spec);
    if (!m.matches()) {
      throw reject(expose, "invalid containerPort: " + spec);
    }
    String proto = m.group(3) == null ? "tcp" : m.group(3).toLowerCase(Locale.ROOT);
    if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
      throw reject(expose, "invalid proto: " + m.group(3));
    }
    long first = Long.parseLong(m.group(1).length() > 6 ? "999999" : m.group(1));
    long last =
        m.group(2) == null
            ? first
            : Long.parseLong(m.group(2).length() > 6 ? "999999" : m.group(2));
    if (first > 65535 || last > 65535) {
      throw reject(expose, "invalid containerPort: " + spec + " (ports go from 0 to 65535)");
    }
    if (last < first) {
      throw reject(expose, "invalid range: " + spec + " (the end is lower than the start)");
    }
    List<String> ports = new ArrayList<>();
    for (long p = first; p <= last; p++) {
      ports.add(p + "/" + proto);
    }
    return ports;
  }

  private static StepRejection reject(Instruction instruction, String message) {
    return new StepRejection(Diagnostic.error(message, instruction.source().span()));
  }

  private static String pairs(List<KeyValue> pairs) {
    List<String> out = new ArrayList<>();
    for (KeyValue pair : pairs) {
      out.add(pair.key() + "=" + pair.value());
    }
    return String.join(" ", out);
  }

  static String json(List<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append('"');
      for (char c : values.get(i).toCharArray()) {
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\t' -> out.append("\\t");
          default -> {
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append('"');
    }
    return out.append(']').toString();
  }
}
