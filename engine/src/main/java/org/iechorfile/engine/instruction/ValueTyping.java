package org.iechorfile.engine.instruction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iechorfile.engine.syntax.Heredoc;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/** Types the instructions that set values: ENV, LABEL, ARG, COPY, ADD, WORKDIR, USER, … */
final class ValueTyping {

  private static final Pattern HEREDOC_MARKER = Pattern.compile("^(\\d*)<<(-?)\\s*([^<]*)$");

  private ValueTyping() {}

  static Env env(Node node) throws InstructionException {
    Flags.parse(Keyword.ENV, node.flags());
    return new Env(node, pairs("ENV", node.args()), isLegacy(node.args()));
  }

  static Label label(Node node) throws InstructionException {
    Flags.parse(Keyword.LABEL, node.flags());
    return new Label(node, pairs("LABEL", node.args()), isLegacy(node.args()));
  }

  /**
   * ENV and LABEL nodes hold (key, value, separator) triples; the separator is empty in legacy
   * form.
   */
  private static List<KeyValue> pairs(String command, List<String> args)
      throws InstructionException {
    if (args.isEmpty()) {
      throw new InstructionException(command + " requires at least one argument");
    }
    if (args.size() % 3 != 0) {
      throw new InstructionException("Bad input to " + command + ", too many arguments");
    }
    List<KeyValue> pairs = new ArrayList<>();
    for (int i = 0; i < args.size(); i += 3) {
      if (args.get(i).isEmpty()) {
        throw new InstructionException(command + " names can not be blank", "=");
      }
      pairs.add(new KeyValue(args.get(i), args.get(i + 1)));
    }
    return pairs;
  }

  private static boolean isLegacy(List<String> args) {
    for (int i = 2; i < args.size(); i += 3) {
      if (args.get(i).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  static Arg arg(Node node) throws InstructionException {
    if (node.args().isEmpty()) {
      throw new InstructionException("ARG requires at least one argument");
    }
    List<ArgDefinition> definitions = new ArrayList<>();
    for (String word : node.args()) {
      int eq = word.indexOf('=');
      if (eq < 0) {
        definitions.add(new ArgDefinition(word, Optional.empty()));
      } else if (eq == 0) {
        throw new InstructionException("ARG names can not be blank", word);
      } else {
        definitions.add(
            new ArgDefinition(word.substring(0, eq), Optional.of(word.substring(eq + 1))));
      }
    }
    return new Arg(node, definitions);
  }

  static Copy copy(Node node) throws InstructionException {
    atLeastTwo("COPY", node);
    Flags flags = Flags.parse(Keyword.COPY, node.flags());
    Sources sources = sources("COPY", node);
    Copy copy =
        new Copy(
            node,
            sources.paths,
            sources.heredocs,
            sources.destination,
            flags.nonEmpty("from"),
            flags.nonEmpty("chown"),
            flags.nonEmpty("chmod"),
            flags.isSet("link"),
            flags.isSet("parents"),
            flags.strings("exclude"));
    SourceChecks.checkCopy(copy, true);
    return copy;
  }

  static Add add(Node node) throws InstructionException {
    atLeastTwo("ADD", node);
    Flags flags = Flags.parse(Keyword.ADD, node.flags());
    Sources sources = sources("ADD", node);
    Add add =
        new Add(
            node,
            sources.paths,
            sources.heredocs,
            sources.destination,
            flags.nonEmpty("chown"),
            flags.nonEmpty("chmod"),
            flags.isSet("link"),
            flags.isSet("keep-git-dir"),
            flags.nonEmpty("checksum"),
            flags.bool("unpack"),
            flags.strings("exclude"));
    SourceChecks.checkAdd(add, true);
    return add;
  }

  private static void atLeastTwo(String command, Node node) throws InstructionException {
    if (node.args().size() < 2) {
      throw new InstructionException(
          command
              + " requires at least two arguments, but only one was provided. Destination could"
              + " not be determined");
    }
  }

  private static Sources sources(String command, Node node) throws InstructionException {
    List<String> args = node.args();
    String destination = args.get(args.size() - 1);
    if (!node.json() && heredocName(destination).isPresent()) {
      throw new InstructionException(
          command + " cannot accept a heredoc as a destination", destination);
    }
    Sources sources = new Sources(destination);
    for (String source : args.subList(0, args.size() - 1)) {
      Optional<String> name = node.json() ? Optional.empty() : heredocName(source);
      if (name.isPresent()) {
        sources.heredocs.add(heredocSource(node, name.get(), source));
      } else {
        sources.paths.add(source);
      }
    }
    return sources;
  }

  private static HeredocSource heredocSource(Node node, String name, String marker) {
    for (Heredoc heredoc : node.heredocs()) {
      if (heredoc.name().equals(name)) {
        return new HeredocSource(name, heredoc.effectiveBody(), heredoc.expand());
      }
    }
    boolean quoted = marker.indexOf('\'') >= 0 || marker.indexOf('"') >= 0;
    return new HeredocSource(name, "", !quoted);
  }

  /**
   * The heredoc word of {@code word} if it is a heredoc marker ({@code <<EOF}, {@code <<-"EOF"}).
   */
  static Optional<String> heredocName(String word) {
    Matcher m = HEREDOC_MARKER.matcher(word);
    if (!m.matches() || m.group(3).isEmpty()) {
      return Optional.empty();
    }
    String tail = m.group(3);
    if (tail.chars().anyMatch(Character::isWhitespace)) {
      return Optional.empty();
    }
    String name = tail.replace("\"", "").replace("'", "");
    return name.isEmpty() ? Optional.empty() : Optional.of(name);
  }

  static Workdir workdir(Node node) throws InstructionException {
    return new Workdir(node, exactlyOne("WORKDIR", node, true));
  }

  static User user(Node node) throws InstructionException {
    return new User(node, exactlyOne("USER", node, true));
  }

  static StopSignal stopSignal(Node node) throws InstructionException {
    return new StopSignal(node, exactlyOne("STOPSIGNAL", node, false));
  }

  static Maintainer maintainer(Node node) throws InstructionException {
    return new Maintainer(node, exactlyOne("MAINTAINER", node, true));
  }

  private static String exactlyOne(String command, Node node, boolean checkFlags)
      throws InstructionException {
    if (node.args().size() != 1) {
      throw new InstructionException(command + " requires exactly one argument");
    }
    if (checkFlags) {
      Flags.parse(Keyword.valueOf(command), node.flags());
    }
    return node.args().get(0);
  }

  static Expose expose(Node node) throws InstructionException {
    if (node.args().isEmpty()) {
      throw new InstructionException("EXPOSE requires at least one argument");
    }
    Flags.parse(Keyword.EXPOSE, node.flags());
    return new Expose(node, node.args());
  }

  static Volume volume(Node node) throws InstructionException {
    if (node.args().isEmpty()) {
      throw new InstructionException("VOLUME requires at least one argument");
    }
    Flags.parse(Keyword.VOLUME, node.flags());
    List<String> paths = new ArrayList<>();
    for (String path : node.args()) {
      String trimmed = path.strip();
      if (trimmed.isEmpty()) {
        throw new InstructionException("VOLUME specified can not be an empty string");
      }
      paths.add(trimmed);
    }
    return new Volume(node, paths);
  }

  /** The arguments of COPY or ADD, split into paths, heredoc sources and the destination. */
  private static final class Sources {
    final List<String> paths = new ArrayList<>();
    final List<HeredocSource> heredocs = new ArrayList<>();
    final String destination;

    Sources(String destination) {
      this.destination = destination;
    }
  }
}
