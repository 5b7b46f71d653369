package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of a context's {@code .iechorignore} (or {@code .dockerignore} when there is none),
 * with Docker's rules: one pattern a line, {@code #} comments, a leading {@code /} ignored, {@code
 * *} and {@code ?} within one path element, {@code **} across any number of them, {@code !}
 * exceptions, the last matching line deciding, and a pattern that matches a directory covering
 * everything under it. Also used for {@code COPY --exclude}.
 */
final class IgnoreRules {

  /** The ignore file names, the first present one wins. */
  static final List<String> FILE_NAMES = List.of(".iechorignore", ".dockerignore");

  private static final IgnoreRules NONE = new IgnoreRules(List.of(), "");

  private final List<Rule> rules;
  private final String origin;

  private record Rule(Pattern pattern, boolean exception) {}

  private IgnoreRules(List<Rule> rules, String origin) {
    this.rules = List.copyOf(rules);
    this.origin = origin;
  }

  /** No rules: nothing is ignored. */
  static IgnoreRules none() {
    return NONE;
  }

  /** The rules of the ignore file in {@code context}, or none when it has no ignore file. */
  static IgnoreRules load(Path context) throws IOException {
    for (String name : FILE_NAMES) {
      Path file = context.resolve(name);
      if (Files.isRegularFile(file)) {
        return parse(Files.readString(file, StandardCharsets.UTF_8), name);
      }
    }
    return NONE;
  }

  /** The rules written in {@code text} (an ignore file's content); {@code origin} names it. */
  static IgnoreRules parse(String text, String origin) {
    return of(List.of(text.split("\r?\n")), origin);
  }

  /** The rules of {@code lines}, one pattern each; comments and blank lines are skipped. */
  static IgnoreRules of(List<String> lines, String origin) {
    List<Rule> rules = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("#")) {
        continue;
      }
      String pattern = line.strip();
      if (pattern.isEmpty()) {
        continue;
      }
      boolean exception = pattern.startsWith("!");
      if (exception) {
        pattern = pattern.substring(1).strip();
      }
      pattern = clean(pattern);
      if (pattern.isEmpty()) {
        continue;
      }
      rules.add(new Rule(Pattern.compile(regex(pattern)), exception));
    }
    return new IgnoreRules(rules, origin);
  }

  /** The file the rules came from, empty when none. */
  String origin() {
    return origin;
  }

  /** Whether there is no rule at all. */
  boolean isEmpty() {
    return rules.isEmpty();
  }

  /** Whether some rule is an exception ({@code !pattern}): ignored directories must be walked. */
  boolean hasExceptions() {
    return rules.stream().anyMatch(Rule::exception);
  }

  /**
   * Whether {@code path} (relative, {@code /}-separated, no leading {@code /}) is ignored: the last
   * rule matching it or one of its parent directories decides.
   */
  boolean ignored(String path) {
    String clean = clean(path);
    if (clean.isEmpty()) {
      return false;
    }
    List<String> candidates = new ArrayList<>();
    int slash = -1;
    while ((slash = clean.indexOf('/', slash + 1)) >= 0) {
      candidates.add(clean.substring(0, slash));
    }
    candidates.add(clean);
    boolean ignored = false;
    for (Rule rule : rules) {
      if (ignored == !rule.exception()) {
        continue;
      }
      for (String candidate : candidates) {
        if (rule.pattern().matcher(candidate).matches()) {
          ignored = !rule.exception();
          break;
        }
      }
    }
    return ignored;
  }

  /** Go's {@code filepath.Clean} for relative slash paths, with leading slashes removed. */
  static String clean(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(part);
    }
    return String.join("/", parts);
  }

  /**
   * The regular expression of one pattern, as Docker's pattern matcher builds it: {@code **}
   * matches any number of path elements, {@code *} and {@code ?} stay within one, {@code [...]} is
   * a character class and {@code \} escapes the next character.
   */
  static String regex(String pattern) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
        i += 2;
        if (i < pattern.length() && pattern.charAt(i) == '/') {
          i++;
          regex.append("(?:.*/)?");
        } else {
          regex.append(".*");
        }
        continue;
      }
      switch (c) {
        case '*' -> regex.append("[^/]*");
        case '?' -> regex.append("[^/]");
        case '\\' -> {
          i++;
          if (i < pattern.length()) {
            regex.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
          }
        }
        case '[' -> {
          int end = pattern.indexOf(']', i + 2);
          if (end < 0) {
            regex.append("\\[");
          } else {
            String body = pattern.substring(i + 1, end).replace("\\", "\\\\");
            if (body.startsWith("^")) {
              body = "^" + body.substring(1);
            }
            regex.append('[').append(body).append(']');
            i = end;
          }
        }
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    return regex.toString();
  }
}
