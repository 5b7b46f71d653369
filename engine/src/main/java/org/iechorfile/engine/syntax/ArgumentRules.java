package org.iechorfile.engine.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an assembled instruction line into keyword, flags and argument nodes by the keyword's
 * argument rule (JSON-or-string, JSON-or-list, list, string, words, key/value triples, HEALTHCHECK,
 * ONBUILD). No validation beyond what the reference line parser rejects.
 */
final class ArgumentRules {

  private ArgumentRules() {}

  /**
   * One parsed instruction before positions are attached.
   *
   * @param child ONBUILD's trigger, if any
   */
  record Draft(
      String keyword, List<String> flags, List<String> args, boolean json, Optional<Draft> child) {

    /** The instruction whose arguments decide heredoc support (ONBUILD's trigger if present). */
    Draft effective() {
      return child.orElse(this);
    }
  }

  /** Either a draft or the reason the line cannot be parsed (a message in reference wording). */
  record Outcome(Optional<Draft> draft, String error) {
    static Outcome ok(Draft d) {
      return new Outcome(Optional.of(d), "");
    }

    static Outcome failed(String message) {
      return new Outcome(Optional.empty(), message);
    }
  }

  static final String NOT_STRINGS =
      "when using JSON array syntax, arrays must be comprised of strings only";

  /**
   * Parses {@code line}. ONBUILD chains are unrolled iteratively so that an adversarial chain of
   * thousands of ONBUILD keywords cannot exhaust the stack.
   */
  static Outcome parse(String line, char escape) {
    List<InstructionText.Split> chain = new ArrayList<>();
    InstructionText.Split split = InstructionText.split(line, escape);
    while (GoText.lower(split.keyword()).equals("onbuild") && split.hasRest()) {
      chain.add(split);
      split = InstructionText.split(line, split.restStart(), split.restEnd(), escape);
    }
    Outcome inner = single(split, escape);
    if (inner.draft().isEmpty()) {
      return inner;
    }
    Draft draft = inner.draft().get();
    for (int i = chain.size() - 1; i >= 0; i--) {
      InstructionText.Split outer = chain.get(i);
      draft = new Draft(outer.keyword(), outer.flags(), List.of(), false, Optional.of(draft));
    }
    return Outcome.ok(draft);
  }

  private static Outcome single(InstructionText.Split split, char escape) {
    String keyword = split.keyword();
    String rest = split.rest();
    List<String> flags = split.flags();
    switch (GoText.lower(keyword)) {
      case "run":
      case "cmd":
      case "entrypoint":
      case "shell":
        return maybeJson(keyword, flags, rest);
      case "add":
      case "copy":
      case "volume":
        return maybeJsonList(keyword, flags, rest);
      case "from":
      case "expose":
        return Outcome.ok(plain(keyword, flags, InstructionText.splitBlank(rest)));
      case "maintainer":
      case "user":
      case "workdir":
      case "stopsignal":
        return Outcome.ok(plain(keyword, flags, rest.isEmpty() ? List.of() : List.of(rest)));
      case "arg":
        return Outcome.ok(plain(keyword, flags, InstructionText.words(rest, escape)));
      case "env":
        return keyValues(keyword, flags, rest, "ENV", escape);
      case "label":
        return keyValues(keyword, flags, rest, "LABEL", escape);
      case "healthcheck":
        return healthcheck(keyword, flags, rest);
      case "onbuild":
        return Outcome.ok(plain(keyword, flags, List.of()));
      default:
        return Outcome.ok(plain(keyword, flags, List.of("")));
    }
  }

  private static Draft plain(String keyword, List<String> flags, List<String> args) {
    return new Draft(keyword, flags, args, false, Optional.empty());
  }

  private static Outcome maybeJson(String keyword, List<String> flags, String rest) {
    if (rest.isEmpty()) {
      return Outcome.ok(plain(keyword, flags, List.of()));
    }
    return jsonOr(keyword, flags, rest, List.of(rest));
  }

  private static Outcome maybeJsonList(String keyword, List<String> flags, String rest) {
    return jsonOr(keyword, flags, rest, InstructionText.splitBlank(rest));
  }

  /** {@code rest} as a JSON array of strings, or {@code plainArgs} when it is no JSON array. */
  private static Outcome jsonOr(
      String keyword, List<String> flags, String rest, List<String> plainArgs) {
    JsonArray.Result json = JsonArray.parse(rest);
    switch (json.kind()) {
      case STRINGS:
        return Outcome.ok(new Draft(keyword, flags, json.elements(), true, Optional.empty()));
      case NON_STRING_ELEMENT:
        return Outcome.failed(NOT_STRINGS);
      default:
        return Outcome.ok(plain(keyword, flags, plainArgs));
    }
  }

  private static Outcome healthcheck(String keyword, List<String> flags, String rest) {
    int sep = 0;
    while (sep < rest.length() && !GoText.isSpace(rest.charAt(sep))) {
      sep++;
    }
    if (sep == 0) {
      return Outcome.ok(plain(keyword, flags, List.of()));
    }
    String type = rest.substring(0, sep);
    String command = rest.substring(GoText.skipSpace(rest, sep, rest.length()));
    Outcome cmd = maybeJson(keyword, flags, command);
    if (cmd.draft().isEmpty()) {
      return cmd;
    }
    Draft d = cmd.draft().get();
    List<String> args = new ArrayList<>(d.args().size() + 1);
    args.add(type);
    args.addAll(d.args());
    return Outcome.ok(new Draft(keyword, flags, args, d.json(), Optional.empty()));
  }

  /** ENV and LABEL: legacy {@code key value} or modern {@code key=value ...} triples. */
  private static Outcome keyValues(
      String keyword, List<String> flags, String rest, String name, char escape) {
    List<String> words = InstructionText.words(rest, escape);
    if (words.isEmpty()) {
      return Outcome.ok(plain(keyword, flags, List.of()));
    }
    if (words.get(0).indexOf('=') < 0) {
      int blank = InstructionText.firstBlank(rest);
      if (blank < 0) {
        return Outcome.failed(name + " must have two arguments");
      }
      int value = blank;
      while (value < rest.length() && GoText.isBlank(rest.charAt(value))) {
        value++;
      }
      return Outcome.ok(
          plain(keyword, flags, List.of(rest.substring(0, blank), rest.substring(value), "")));
    }
    List<String> args = new ArrayList<>(words.size() * 3);
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq < 0) {
        return Outcome.failed(
            "Syntax error - can't find = in "
                + BuildkitDump.quote(word)
                + ". Must be of the form: name=value");
      }
      args.add(word.substring(0, eq));
      args.add(word.substring(eq + 1));
      args.add("=");
    }
    return Outcome.ok(plain(keyword, flags, args));
  }
}
