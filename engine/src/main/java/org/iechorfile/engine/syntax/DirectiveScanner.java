package org.iechorfile.engine.syntax;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises parser directives ({@code # syntax=}, {@code # escape=}, {@code # check=}) at the top
 * of a file. Scanning stops for good at the first line that is not a directive: a blank line, an
 * ordinary comment, an unknown directive name or an instruction.
 */
final class DirectiveScanner {

  /** What a line turned out to be. */
  enum Verdict {
    /** Not a directive; scanning has stopped. */
    NONE,
    /** A valid directive, now recorded. */
    DIRECTIVE,
    /** A directive that is an error (repeated, or an invalid escape token). */
    INVALID
  }

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Set<String> seen = new HashSet<>();
  private boolean done;
  private char escape = '\\';
  private String error = "";

  /** Whether scanning has stopped. */
  boolean done() {
    return done;
  }

  /** The escape character in effect. */
  char escape() {
    return escape;
  }

  /** The directives recorded so far, keys in lower case. */
  Map<String, String> values() {
    return values;
  }

  /** The message for the last {@link Verdict#INVALID} line. */
  String error() {
    return error;
  }

  /**
   * Looks at one line, from its first non-blank character {@code from} to {@code to} (line ending
   * excluded).
   */
  Verdict scan(String text, int from, int to) {
    if (done) {
      return Verdict.NONE;
    }
    Optional<String[]> match = match(text, from, to);
    if (match.isEmpty()) {
      done = true;
      return Verdict.NONE;
    }
    String key = match.get()[0].toLowerCase(Locale.ROOT);
    String value = match.get()[1];
    if (!key.equals("syntax") && !key.equals("escape") && !key.equals("check")) {
      done = true;
      return Verdict.NONE;
    }
    if (!seen.add(key)) {
      error = "only one " + key + " parser directive can be used; remove the repeated one";
      return Verdict.INVALID;
    }
    if (key.equals("escape")) {
      if (!value.equals("`") && !value.equals("\\")) {
        error =
            "invalid escape token '"
                + value
                + "' does not match ` or \\; write # escape=\\ or # escape=`";
        return Verdict.INVALID;
      }
      escape = value.charAt(0);
    }
    values.put(key, value);
    return Verdict.DIRECTIVE;
  }

  /**
   * {@code #} + white space + {@code name} + {@code \s* = \s*} + value + trailing {@code \s}, where
   * {@code \s} is {@code [\t\n\f\r ]}; returns name and value.
   */
  private static Optional<String[]> match(String text, int from, int to) {
    if (from >= to || text.charAt(from) != '#') {
      return Optional.empty();
    }
    int i = GoText.skipSpace(text, from + 1, to);
    int nameStart = i;
    if (i >= to || !isAsciiLetter(text.charAt(i))) {
      return Optional.empty();
    }
    while (i < to && (isAsciiLetter(text.charAt(i)) || isAsciiDigit(text.charAt(i)))) {
      i++;
    }
    String name = text.substring(nameStart, i);
    i = skipRegexSpace(text, i, to);
    if (i >= to || text.charAt(i) != '=') {
      return Optional.empty();
    }
    int rest = i + 1;
    if (rest >= to) {
      return Optional.empty();
    }
    int valueStart = skipRegexSpace(text, rest, to);
    if (valueStart == to) {
      return Optional.of(new String[] {name, text.substring(to - 1, to)});
    }
    int valueEnd = to;
    while (valueEnd > valueStart && isRegexSpace(text.charAt(valueEnd - 1))) {
      valueEnd--;
    }
    return Optional.of(new String[] {name, text.substring(valueStart, valueEnd)});
  }

  private static int skipRegexSpace(String text, int i, int to) {
    while (i < to && isRegexSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
