package org.iechorfile.engine.instruction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.iechorfile.engine.SourceSpan;
import org.iechorfile.engine.syntax.Heredoc;
import org.iechorfile.engine.syntax.Node;

/**
 * Builds {@link Node}s from one-line instruction text the way the line parser does for simple input
 * (no quotes in flags, no continuations), so typing can be tested on its own.
 */
final class TestNodes {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TestNodes() {}

  static Node node(String text) {
    return node(text, List.of(), 1);
  }

  static Node node(String text, List<Heredoc> heredocs) {
    return node(text, heredocs, 1);
  }

  static Node node(String text, List<Heredoc> heredocs, int line) {
    String trimmed = text.strip();
    String[] head = trimmed.split("\\s+", 2);
    String keyword = head[0];
    String rest = head.length > 1 ? head[1] : "";
    List<String> flags = new ArrayList<>();
    while (rest.startsWith("--")) {
      String[] parts = rest.split("\\s+", 2);
      if (!parts[0].equals("--")) {
        flags.add(parts[0]);
      }
      rest = parts.length > 1 ? parts[1] : "";
      if (parts[0].equals("--")) {
        break;
      }
    }
    SourceSpan span = SourceSpan.of(line, 1, text.codePointCount(0, text.length()));
    String command = keyword.toUpperCase(Locale.ROOT);
    if (command.equals("ONBUILD")) {
      List<Node> children = rest.isEmpty() ? List.of() : List.of(node(rest, heredocs, line));
      return new Node(keyword, flags, List.of(), children, false, List.of(), span, text, List.of());
    }
    Optional<List<String>> json = jsonArray(rest);
    List<String> args = args(command, rest, json);
    boolean isJson = json.isPresent() && jsonCommand(command);
    return new Node(keyword, flags, args, List.of(), isJson, heredocs, span, text, List.of());
  }

  private static boolean jsonCommand(String command) {
    return List.of("RUN", "CMD", "ENTRYPOINT", "SHELL", "ADD", "COPY", "VOLUME").contains(command);
  }

  private static List<String> args(String command, String rest, Optional<List<String>> json) {
    switch (command) {
      case "RUN":
      case "CMD":
      case "ENTRYPOINT":
      case "SHELL":
        return json.orElse(rest.isEmpty() ? List.of() : List.of(rest));
      case "ADD":
      case "COPY":
      case "VOLUME":
        return json.orElse(split(rest));
      case "FROM":
      case "EXPOSE":
      case "ARG":
        return split(rest);
      case "MAINTAINER":
      case "USER":
      case "WORKDIR":
      case "STOPSIGNAL":
        return rest.isEmpty() ? List.of() : List.of(rest);
      case "ENV":
      case "LABEL":
        return pairs(rest);
      case "HEALTHCHECK":
        return healthcheck(rest);
      default:
        return List.of("");
    }
  }

  private static List<String> healthcheck(String rest) {
    if (rest.isEmpty()) {
      return List.of();
    }
    String[] parts = rest.split("\\s+", 2);
    List<String> args = new ArrayList<>(List.of(parts[0]));
    if (parts.length > 1) {
      args.addAll(jsonArray(parts[1]).orElse(List.of(parts[1])));
    }
    return args;
  }

  /** Whether the HEALTHCHECK remainder was JSON, for building such nodes by hand. */
  static Node healthcheckJson(String text) {
    Node plain = node(text);
    return new Node(
        plain.keyword(),
        plain.flags(),
        plain.args(),
        List.of(),
        true,
        List.of(),
        plain.span(),
        plain.original(),
        List.of());
  }

  private static List<String> pairs(String rest) {
    List<String> words = split(rest);
    List<String> args = new ArrayList<>();
    if (words.isEmpty()) {
      return args;
    }
    if (!words.get(0).contains("=")) {
      String[] parts = rest.split("\\s+", 2);
      return List.of(parts[0], parts.length > 1 ? parts[1] : "", "");
    }
    for (String word : words) {
      int eq = word.indexOf('=');
      args.addAll(List.of(word.substring(0, eq), word.substring(eq + 1), "="));
    }
    return args;
  }

  private static List<String> split(String rest) {
    return rest.isEmpty() ? List.of() : Arrays.asList(rest.split("\\s+"));
  }

  private static Optional<List<String>> jsonArray(String rest) {
    if (!rest.startsWith("[")) {
      return Optional.empty();
    }
    try {
      JsonNode array = JSON.readTree(rest);
      List<String> values = new ArrayList<>();
      array.forEach(element -> values.add(element.asText()));
      return Optional.of(values);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
