package org.iechorfile.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Decides whether an instruction's arguments are in exec form: a JSON array, complete or still
 * open. Mirrors the rule that anything that is not a single valid JSON document falls back to the
 * shell form, except that an array still open at the end is reported as such, so that front ends
 * can wait for its closing bracket.
 */
final class JsonProbe {

  /** What the arguments are. */
  enum Result {
    /** Not JSON: the shell (or list) form applies. */
    NOT_JSON,
    /** A JSON array that is not closed yet; more text could complete it. */
    OPEN,
    /** A complete JSON array of strings (exec form). */
    STRINGS,
    /** A complete JSON array with a non-string element, which is an error. */
    NON_STRINGS
  }

  private static final Pattern NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private JsonProbe() {}

  /**
   * Probes {@code text} from index {@code from}. One loop over the characters with a small state
   * (open brackets, whether a value is expected) reads clearer than a split into helpers, so this
   * method is longer than most.
   */
  static Result probe(String text, int from) {
    int i = skipBlanks(text, from);
    if (i >= text.length() || text.charAt(i) != '[') {
      return Result.NOT_JSON;
    }
    Deque<Character> open = new ArrayDeque<>();
    boolean expectValue = true;
    boolean nonString = false;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (isBlank(c)) {
        i++;
        continue;
      }
      if (open.isEmpty() && i > from && !expectValue) {
        return Result.NOT_JSON;
      }
      if (c == '[' || c == '{') {
        if (!expectValue) {
          return Result.NOT_JSON;
        }
        nonString |= open.size() == 1;
        open.push(c);
        i++;
      } else if (c == ']' || c == '}') {
        if (open.isEmpty() || open.pop() != (c == ']' ? '[' : '{')) {
          return Result.NOT_JSON;
        }
        expectValue = false;
        i++;
      } else if (c == ',' || c == ':') {
        if (expectValue || open.isEmpty()) {
          return Result.NOT_JSON;
        }
        expectValue = true;
        i++;
      } else if (c == '"') {
        int end = stringEnd(text, i);
        // A JSON string cannot span lines, so an unterminated one is shell form, not an open array.
        if (end <= 0 || !expectValue) {
          return Result.NOT_JSON;
        }
        expectValue = false;
        i = end;
      } else {
        int end = scalarEnd(text, i);
        if (end == i || !expectValue) {
          return Result.NOT_JSON;
        }
        nonString |= open.size() == 1;
        expectValue = false;
        i = end;
      }
    }
    if (!open.isEmpty()) {
      return Result.OPEN;
    }
    return nonString ? Result.NON_STRINGS : Result.STRINGS;
  }

  /** The index after the closing quote of the string at {@code i}; 0 if unterminated or bad. */
  private static int stringEnd(String text, int i) {
    int j = i + 1;
    while (j < text.length()) {
      char c = text.charAt(j);
      if (c == '"') {
        return j + 1;
      }
      if (c < 0x20) {
        return 0;
      }
      if (c == '\\') {
        if (j + 1 >= text.length() || "\"\\/bfnrtu".indexOf(text.charAt(j + 1)) < 0) {
          return 0;
        }
      }
      j += c == '\\' ? 2 : 1;
    }
    return 0;
  }

  /** The index after a number or literal at {@code i}, or {@code i} when there is none. */
  private static int scalarEnd(String text, int i) {
    int j = i;
    while (j < text.length() && "-+.eE0123456789truefalsn".indexOf(text.charAt(j)) >= 0) {
      j++;
    }
    String word = text.substring(i, j);
    if (word.equals("true") || word.equals("false") || word.equals("null")) {
      return j;
    }
    return NUMBER.matcher(word).matches() ? j : i;
  }

  private static int skipBlanks(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }
}
