package org.iechorfile.engine.instruction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.SourceSpan;
import org.iechorfile.engine.syntax.Node;

/**
 * The lint rules that one instruction decides on its own, with the reference's rule names and
 * message texts. Rules that need a stage or the whole file are in {@link InstructionParser}.
 */
final class Lints {

  static final String JSON_ARGS_RECOMMENDED = "JSONArgsRecommended";

  private static final Pattern SECRET =
      Pattern.compile(
          "(?i)(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)"
              + "(?:_|$)");
  private static final Pattern NOT_SECRET =
      Pattern.compile("(?i)(?:_|^)(?:public|file|version)(?:_|$)");

  private Lints() {}

  static List<Diagnostic> of(Instruction instruction) {
    List<Diagnostic> found = new ArrayList<>();
    Node node = instruction.source();
    if (instruction instanceof From) {
      from(node, found);
    } else if (instruction instanceof Maintainer) {
      found.add(
          warning(
              "MaintainerDeprecated",
              "Maintainer instruction is deprecated in favor of using label",
              node));
    } else if (instruction instanceof Cmd) {
      shellForm(((Cmd) instruction).command(), node, found);
    } else if (instruction instanceof Entrypoint) {
      shellForm(((Entrypoint) instruction).command(), node, found);
    } else if (instruction instanceof Env) {
      Env env = (Env) instruction;
      legacy("ENV", env.legacy(), node, found);
      env.pairs().forEach(p -> secret("ENV", p.key(), node, found));
    } else if (instruction instanceof Label) {
      legacy("LABEL", ((Label) instruction).legacy(), node, found);
    } else if (instruction instanceof Arg) {
      ((Arg) instruction).definitions().forEach(d -> secret("ARG", d.name(), node, found));
    } else if (instruction instanceof Expose) {
      ((Expose) instruction).ports().forEach(p -> expose(p, node, found));
    }
    return found;
  }

  private static void from(Node node, List<Diagnostic> found) {
    if (node.args().size() != 3) {
      return;
    }
    String as = node.args().get(1);
    String name = node.args().get(2);
    if (!name.equals(name.toLowerCase(Locale.ROOT))) {
      found.add(
          warning("StageNameCasing", "Stage name '" + name + "' should be lowercase", node, name));
    }
    String keyword = node.keyword();
    boolean upper = keyword.equals(keyword.toUpperCase(Locale.ROOT));
    boolean lower = keyword.equals(keyword.toLowerCase(Locale.ROOT));
    if ((upper && !as.equals(as.toUpperCase(Locale.ROOT)))
        || (lower && !as.equals(as.toLowerCase(Locale.ROOT)))) {
      found.add(
          warning(
              "FromAsCasing",
              "'" + as + "' and '" + keyword + "' keywords' casing do not match",
              node,
              as));
    }
    String lowerName = name.toLowerCase(Locale.ROOT);
    if (lowerName.equals("scratch") || lowerName.equals("context")) {
      found.add(
          warning(
              "ReservedStageName",
              "Stage name should not use the same name as reserved stage \"" + lowerName + "\"",
              node,
              name));
    }
  }

  private static void shellForm(CommandForm command, Node node, List<Diagnostic> found) {
    if (!command.exec()) {
      found.add(
          warning(
              JSON_ARGS_RECOMMENDED,
              "JSON arguments recommended for "
                  + node.command()
                  + " to prevent unintended behavior related to OS signals",
              node));
    }
  }

  private static void legacy(String command, boolean legacy, Node node, List<Diagnostic> found) {
    if (legacy) {
      found.add(
          warning(
              "LegacyKeyValueFormat",
              "\""
                  + command
                  + " key=value\" should be used instead of legacy \""
                  + command
                  + " key value\" format",
              node));
    }
  }

  private static void secret(String command, String name, Node node, List<Diagnostic> found) {
    if (SECRET.matcher(name).find() && !NOT_SECRET.matcher(name).find()) {
      found.add(
          warning(
              "SecretsUsedInArgOrEnv",
              "Do not use ARG or ENV instructions for sensitive data ("
                  + command
                  + " \""
                  + name
                  + "\")",
              node,
              name));
    }
  }

  private static void expose(String port, Node node, List<Diagnostic> found) {
    int slash = port.indexOf('/');
    String protocol = slash < 0 ? "" : port.substring(slash + 1);
    if (!protocol.equals(protocol.toLowerCase(Locale.ROOT))) {
      found.add(
          warning(
              "ExposeProtoCasing",
              "Defined protocol '" + port + "' in EXPOSE instruction should be lowercase",
              node,
              port));
    }
    if (port.indexOf(':') >= 0) {
      found.add(
          warning(
              "ExposeInvalidFormat",
              "EXPOSE instruction should not define an IP address or host-port mapping, found '"
                  + port
                  + "'",
              node,
              port));
    }
  }

  /** {@code ConsistentInstructionCasing} over the top-level instructions of a file. */
  static List<Diagnostic> casing(List<Node> nodes) {
    int lower = 0;
    int upper = 0;
    for (Node node : nodes) {
      String k = node.keyword();
      if (k.equals(k.toLowerCase(Locale.ROOT))) {
        lower++;
      } else if (k.equals(k.toUpperCase(Locale.ROOT))) {
        upper++;
      }
    }
    boolean majorityLower = lower > upper;
    List<Diagnostic> found = new ArrayList<>();
    for (Node node : nodes) {
      String k = node.keyword();
      String wanted = majorityLower ? k.toLowerCase(Locale.ROOT) : k.toUpperCase(Locale.ROOT);
      if (!k.equals(wanted)) {
        found.add(
            warning(
                "ConsistentInstructionCasing",
                "Command '"
                    + k
                    + "' should match the case of the command majority ("
                    + (majorityLower ? "lowercase" : "uppercase")
                    + ")",
                keywordSpan(node)));
      }
    }
    return found;
  }

  private static SourceSpan keywordSpan(Node node) {
    return SourceSpan.of(
        node.span().startLine(),
        node.span().startColumn(),
        node.keyword().codePointCount(0, node.keyword().length()));
  }

  private static Diagnostic warning(String rule, String message, SourceSpan span) {
    return Diagnostic.warning(rule, message, span);
  }

  private static Diagnostic warning(String rule, String message, Node node) {
    return Diagnostic.warning(rule, message, node.span());
  }

  private static Diagnostic warning(String rule, String message, Node node, String text) {
    return Diagnostic.warning(rule, message, SpanLocator.find(node, text));
  }
}
