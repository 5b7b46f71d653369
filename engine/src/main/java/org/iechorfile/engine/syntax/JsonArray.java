package org.iechorfile.engine.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recognises the exec form: a complete JSON document that is an array. Anything that is not valid
 * JSON is "not JSON" (the caller falls back to the shell form silently); a valid array with a
 * non-string element is reported separately because the reference treats it as a hard error.
 *
 * <p>The scanner is iterative with an explicit nesting stack, so deeply nested input cannot
 * overflow the Java stack; like Go's decoder it gives up beyond 10000 levels.
 */
final class JsonArray {

  /** Go's encoding/json nesting limit. */
  private static final int MAX_DEPTH = 10_000;

  /** The outcome of looking at a candidate exec-form argument. */
  enum Kind {
    NOT_JSON,
    STRINGS,
    NON_STRING_ELEMENT
  }

  /** What was found; {@code elements} is filled only for {@link Kind#STRINGS}. */
  record Result(Kind kind, List<String> elements) {}

  private static final Result NOT_JSON = new Result(Kind.NOT_JSON, List.of());
  private static final Result NON_STRING = new Result(Kind.NON_STRING_ELEMENT, List.of());

  private final String s;
  private int pos;

  private JsonArray(String s, int pos) {
    this.s = s;
    this.pos = pos;
  }

  /** Parses {@code rest} (after left-trimming Unicode white space) as a JSON array of strings. */
  static Result parse(String rest) {
    int start = GoText.skipSpace(rest, 0, rest.length());
    if (start >= rest.length() || rest.charAt(start) != '[') {
      return NOT_JSON;
    }
    return new JsonArray(rest, start + 1).array();
  }

  private Result array() {
    List<String> elements = new ArrayList<>();
    boolean nonString = false;
    skipWs();
    if (peek() == ']') {
      pos++;
      return end(elements, false);
    }
    while (true) {
      skipWs();
      if (peek() == '"') {
        Optional<String> str = string();
        if (str.isEmpty()) {
          return NOT_JSON;
        }
        elements.add(str.get());
      } else {
        nonString = true;
        if (!value()) {
          return NOT_JSON;
        }
      }
      skipWs();
      int c = peek();
      pos++;
      if (c == ']') {
        return end(elements, nonString);
      }
      if (c != ',') {
        return NOT_JSON;
      }
    }
  }

  private Result end(List<String> elements, boolean nonString) {
    skipWs();
    if (pos != s.length()) {
      return NOT_JSON;
    }
    return nonString ? NON_STRING : new Result(Kind.STRINGS, elements);
  }

  /**
   * Validates one JSON value below the top-level array. Containers are tracked on {@code stack}:
   * '[' or '{' per open level; {@code expectKey} marks an object waiting for a key.
   */
  private boolean value() {
    StringBuilder stack = new StringBuilder();
    while (true) {
      skipWs();
      int c = peek();
      if (c == '[' || c == '{') {
        pos++;
        if (stack.length() + 2 > MAX_DEPTH) {
          return false;
        }
        stack.append((char) c);
        skipWs();
        if (peek() != (c == '[' ? ']' : '}')) {
          if (c == '{' && !key()) {
            return false;
          }
          continue;
        }
        pos++;
        stack.setLength(stack.length() - 1);
      } else if (!scalar()) {
        return false;
      }
      Step step = afterValue(stack);
      if (step != Step.NEXT_ELEMENT) {
        return step == Step.DONE;
      }
    }
  }

  /** What follows a complete value inside {@link #value()}. */
  private enum Step {
    DONE,
    NEXT_ELEMENT,
    INVALID
  }

  /** Closes finished containers until a comma starts the next element or the value is done. */
  private Step afterValue(StringBuilder stack) {
    while (stack.length() > 0) {
      skipWs();
      char open = stack.charAt(stack.length() - 1);
      int next = peek();
      pos++;
      if (next == ',') {
        return open == '{' && !key() ? Step.INVALID : Step.NEXT_ELEMENT;
      }
      if (next != (open == '[' ? ']' : '}')) {
        return Step.INVALID;
      }
      stack.setLength(stack.length() - 1);
    }
    return Step.DONE;
  }

  /** An object key and its colon. */
  private boolean key() {
    skipWs();
    if (peek() != '"' || string().isEmpty()) {
      return false;
    }
    skipWs();
    if (peek() != ':') {
      return false;
    }
    pos++;
    return true;
  }

  private boolean scalar() {
    int c = peek();
    if (c == '"') {
      return string().isPresent();
    }
    if (c == 't') {
      return literal("true");
    }
    if (c == 'f') {
      return literal("false");
    }
    if (c == 'n') {
      return literal("null");
    }
    return number();
  }

  private boolean literal(String word) {
    if (s.startsWith(word, pos)) {
      pos += word.length();
      return true;
    }
    return false;
  }

  private boolean number() {
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      digits();
    } else {
      return false;
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        return false;
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        return false;
      }
      digits();
    }
    return true;
  }

  private void digits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /** A string starting at the opening quote, decoded; empty when it is malformed. */
  private Optional<String> string() {
    pos++;
    StringBuilder out = new StringBuilder();
    while (pos < s.length()) {
      char c = s.charAt(pos++);
      if (c == '"') {
        return Optional.of(out.toString());
      }
      if (c < 0x20) {
        return Optional.empty();
      }
      if (c != '\\') {
        out.append(c);
      } else if (!escape(out)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private boolean escape(StringBuilder out) {
    int c = peek();
    pos++;
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out.append((char) c);
        return true;
      case 'b':
        out.append('\b');
        return true;
      case 'f':
        out.append('\f');
        return true;
      case 'n':
        out.append('\n');
        return true;
      case 'r':
        out.append('\r');
        return true;
      case 't':
        out.append('\t');
        return true;
      case 'u':
        return unicodeEscape(out);
      default:
        return false;
    }
  }

  /**
   * A backslash-u escape and its four hex digits, pairing surrogates; a lone surrogate becomes
   * U+FFFD as in Go.
   */
  private boolean unicodeEscape(StringBuilder out) {
    int hi = hex4(pos);
    if (hi < 0) {
      return false;
    }
    pos += 4;
    if (Character.isHighSurrogate((char) hi)
        && s.startsWith("\\u", pos)
        && Character.isLowSurrogate((char) Math.max(0, hex4(pos + 2)))) {
      out.append((char) hi).append((char) hex4(pos + 2));
      pos += 6;
    } else if (Character.isSurrogate((char) hi)) {
      out.append('\uFFFD');
    } else {
      out.append((char) hi);
    }
    return true;
  }

  private int hex4(int at) {
    if (at + 4 > s.length()) {
      return -1;
    }
    int v = 0;
    for (int i = at; i < at + 4; i++) {
      int d = Character.digit(s.charAt(i), 16);
      if (d < 0 || s.charAt(i) > 'f') {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }

  private void skipWs() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private int peek() {
    return pos < s.length() ? s.charAt(pos) : -1;
  }
}
