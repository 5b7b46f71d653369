package org.iechorfile.engine.instruction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/** Types the instructions that start stages or run commands: FROM, RUN, CMD, ENTRYPOINT, … */
final class CommandTyping {

  private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");
  private static final Duration MINIMUM_INTERVAL = Duration.ofMillis(1);

  private CommandTyping() {}

  static From from(Node node) throws InstructionException {
    List<String> args = node.args();
    Optional<String> stage = Optional.empty();
    if (args.size() == 3 && args.get(1).equalsIgnoreCase("as")) {
      String name = args.get(2).toLowerCase(Locale.ROOT);
      if (!STAGE_NAME.matcher(name).matches()) {
        throw new InstructionException(
            "invalid name for build stage: \""
                + args.get(2)
                + "\", name can't start with a number or contain symbols",
            args.get(2));
      }
      stage = Optional.of(name);
    } else if (args.size() != 1) {
      throw new InstructionException("FROM requires either one or three arguments");
    }
    Flags flags = Flags.parse(Keyword.FROM, node.flags());
    return new From(node, args.get(0), flags.nonEmpty("platform"), stage);
  }

  /** RUN, checking its flags in BuildKit's hook order: devices, mounts, network, security. */
  static Run run(Node node) throws InstructionException {
    Flags flags = Flags.parse(Keyword.RUN, node.flags());
    List<DeviceSpec> devices = new ArrayList<>();
    for (String device : flags.strings("device")) {
      devices.add(device(device));
    }
    List<MountSpec> mounts = new ArrayList<>();
    for (String mount : flags.strings("mount")) {
      mounts.add(MountParser.parse(mount));
    }
    NetworkMode network = NetworkMode.DEFAULT;
    Optional<String> networkFlag = flags.string("network");
    if (networkFlag.isPresent()) {
      network = network(networkFlag.get());
    }
    SecurityMode security = SecurityMode.SANDBOX;
    Optional<String> securityFlag = flags.string("security");
    if (securityFlag.isPresent()) {
      security = security(securityFlag.get());
    }
    return new Run(node, command(node), mounts, network, security, devices, node.heredocs());
  }

  private static NetworkMode network(String value) throws InstructionException {
    switch (value) {
      case "default":
        return NetworkMode.DEFAULT;
      case "none":
        return NetworkMode.NONE;
      case "host":
        return NetworkMode.HOST;
      default:
        throw new InstructionException("invalid network mode \"" + value + "\"", value);
    }
  }

  private static SecurityMode security(String value) throws InstructionException {
    switch (value) {
      case "sandbox":
        return SecurityMode.SANDBOX;
      case "insecure":
        return SecurityMode.INSECURE;
      default:
        throw new InstructionException("security \"" + value + "\" is not valid", value);
    }
  }

  /** {@code name[,required[=bool]]} or {@code name=…}, as BuildKit's device parser reads it. */
  static DeviceSpec device(String value) throws InstructionException {
    String name = "";
    boolean required = false;
    for (String field : CsvFields.split(value, "devices")) {
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (key.equals("required")) {
        required = eq < 0 || MountParser.bool(key, field.substring(eq + 1), value);
      } else if (eq >= 0 && key.equals("name")) {
        if (!name.isEmpty()) {
          throw new InstructionException("device name already set to " + name, value);
        }
        name = field.substring(eq + 1);
      } else if (name.isEmpty()) {
        name = field;
      } else if (eq < 0) {
        throw new InstructionException(
            "invalid field '" + field + "' must be a key=value pair", value);
      } else {
        List<String> suggestions = Suggestions.closest(key, List.of("name", "required"));
        throw new InstructionException(
            "unexpected key '" + key + "' in '" + field + "'" + Suggestions.didYouMean(suggestions),
            value,
            suggestions);
      }
    }
    if (name.isEmpty()) {
      throw new InstructionException("device name is required", value);
    }
    return new DeviceSpec(name, required);
  }

  static Cmd cmd(Node node) throws InstructionException {
    Flags.parse(Keyword.CMD, node.flags());
    return new Cmd(node, command(node));
  }

  static Entrypoint entrypoint(Node node) throws InstructionException {
    Flags.parse(Keyword.ENTRYPOINT, node.flags());
    return new Entrypoint(node, command(node));
  }

  static Shell shell(Node node) throws InstructionException {
    Flags.parse(Keyword.SHELL, node.flags());
    if (node.args().isEmpty()) {
      throw new InstructionException("SHELL requires at least one argument");
    }
    if (!node.json()) {
      throw new InstructionException("SHELL requires the arguments to be in JSON form");
    }
    return new Shell(node, node.args());
  }

  /** The command of RUN, CMD or ENTRYPOINT: exec form for JSON, else one shell string. */
  static CommandForm command(Node node) {
    return commandOf(node.json(), node.args());
  }

  private static CommandForm commandOf(boolean json, List<String> args) {
    return json ? CommandForm.exec(args) : CommandForm.shell(String.join(" ", args));
  }

  static Healthcheck healthcheck(Node node) throws InstructionException {
    if (node.args().isEmpty()) {
      throw new InstructionException("HEALTHCHECK requires at least one argument");
    }
    String type = node.args().get(0).toUpperCase(Locale.ROOT);
    List<String> rest = node.args().subList(1, node.args().size());
    if (type.equals("NONE")) {
      if (!rest.isEmpty()) {
        throw new InstructionException("HEALTHCHECK NONE takes no arguments", rest.get(0));
      }
      return Healthcheck.disabled(node);
    }
    Flags flags = Flags.parse(Keyword.HEALTHCHECK, node.flags());
    if (!type.equals("CMD")) {
      throw new InstructionException(
          "Unknown type \"" + type + "\" in HEALTHCHECK (try CMD)", node.args().get(0));
    }
    CommandForm command = commandOf(node.json(), rest);
    if (command.isEmpty()) {
      throw new InstructionException("Missing command after HEALTHCHECK CMD", node.args().get(0));
    }
    return new Healthcheck(
        node,
        false,
        command,
        interval(flags, "interval"),
        interval(flags, "timeout"),
        interval(flags, "start-period"),
        interval(flags, "start-interval"),
        retries(flags));
  }

  private static Duration interval(Flags flags, String name) throws InstructionException {
    Optional<String> value = flags.string(name);
    if (value.isEmpty() || value.get().isEmpty()) {
      return Duration.ZERO;
    }
    Duration duration = GoDuration.parse(value.get());
    if (duration.isZero()) {
      return duration;
    }
    if (duration.compareTo(MINIMUM_INTERVAL) < 0) {
      throw new InstructionException(
          "Interval \"" + name + "\" cannot be less than 1ms", "--" + name);
    }
    return duration;
  }

  private static int retries(Flags flags) throws InstructionException {
    Optional<String> value = flags.string("retries");
    if (value.isEmpty() || value.get().isEmpty()) {
      return 0;
    }
    String text = value.get();
    if (!text.matches("[+-]?[0-9]+")) {
      throw new InstructionException(
          "strconv.ParseInt: parsing \"" + text + "\": invalid syntax", "--retries");
    }
    long retries;
    try {
      retries = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
    } catch (NumberFormatException tooLong) {
      retries = Long.MAX_VALUE;
    }
    if (retries > Integer.MAX_VALUE || retries < Integer.MIN_VALUE) {
      throw new InstructionException(
          "strconv.ParseInt: parsing \"" + text + "\": value out of range", "--retries");
    }
    if (retries < 0) {
      throw new InstructionException("--retries cannot be negative (" + retries + ")", "--retries");
    }
    return (int) retries;
  }
}
