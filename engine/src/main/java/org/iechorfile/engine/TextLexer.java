package org.iechorfile.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Lexes ranges of a logical line into highlight spans (character indexes into that line): quoted
 * strings, variable references, shell operators, numbers, JSON punctuation. Total: any text and
 * range gives spans within the range.
 */
final class TextLexer {

  /** A highlight span in character indexes of the lexed text. */
  record Span(Token.Kind kind, int start, int end) {}

  private final String text;
  private final char escape;
  private final List<Span> spans = new ArrayList<>();

  TextLexer(String text, char escape) {
    this.text = text;
    this.escape = escape;
  }

  List<Span> spans() {
    return spans;
  }

  void add(Token.Kind kind, int start, int end) {
    if (start < end) {
      spans.add(new Span(kind, start, end));
    }
  }

  /**
   * Lexes a value: strings, variables and, when {@code plain} is not null, the rest as {@code
   * plain}; with {@code numbers}, words made of digits are numbers.
   */
  void value(int from, int to, Token.Kind plain, boolean numbers) {
    int i = from;
    int run = from;
    while (i < to) {
      char c = text.charAt(i);
      int end = -1;
      Token.Kind kind = null;
      if (c == escape) {
        i = Math.min(to, i + 2);
        continue;
      } else if (c == '"' || c == '\'') {
        end = quoted(i, to);
        kind = Token.Kind.STRING;
      } else if (c == '$') {
        end = variableEnd(i, to);
        kind = Token.Kind.VARIABLE;
      } else if (numbers && isDigit(c) && atWordStart(i, from)) {
        end = numberEnd(i, to);
        kind = end > i ? Token.Kind.NUMBER : null;
      }
      if (kind == null || end <= i) {
        i++;
        continue;
      }
      plain(plain, run, i);
      if (kind == Token.Kind.STRING && c == '"') {
        string(i, end);
      } else {
        add(kind, i, end);
      }
      i = end;
      run = end;
    }
    plain(plain, run, to);
  }

  /** Lexes shell text: operators, comments, heredoc markers, strings, variables and numbers. */
  void shell(int from, int to, List<HeredocMarker> markers) {
    int i = from;
    int run = from;
    while (i < to) {
      HeredocMarker marker = markerAt(markers, i);
      char c = text.charAt(i);
      if (marker != null) {
        value(run, i, null, true);
        add(Token.Kind.HEREDOC_MARKER, i, Math.min(to, marker.end()));
        i = Math.min(to, marker.end());
        run = i;
      } else if (c == escape) {
        i = Math.min(to, i + 2);
      } else if (c == '"' || c == '\'') {
        i = quoted(i, to);
      } else if (c == '$') {
        i = Math.max(i + 1, variableEnd(i, to));
      } else if ("|&;<>()".indexOf(c) >= 0) {
        value(run, i, null, true);
        int end = i;
        while (end < to && "|&;<>".indexOf(text.charAt(end)) >= 0) {
          end++;
        }
        end = Math.max(end, i + 1);
        add(Token.Kind.OPERATOR, i, end);
        i = end;
        run = i;
      } else if (c == '#' && atWordStart(i, from)) {
        value(run, i, null, true);
        add(Token.Kind.COMMENT, i, to);
        return;
      } else {
        i++;
      }
    }
    value(run, to, null, true);
  }

  /** Lexes a JSON array: brackets and commas, strings and numbers. */
  void json(int from, int to) {
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if ("[]{},:".indexOf(c) >= 0) {
        add(Token.Kind.PUNCTUATION, i, i + 1);
        i++;
      } else if (c == '"') {
        int end = i + 1;
        while (end < to && text.charAt(end) != '"') {
          end += text.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(to, end + 1);
        add(Token.Kind.STRING, i, end);
        i = end;
      } else if (isDigit(c) || c == '-') {
        int end = numberEnd(i, to);
        add(Token.Kind.NUMBER, i, end);
        i = Math.max(end, i + 1);
      } else {
        i++;
      }
    }
  }

  /** A double-quoted string, with the variables inside it as their own spans. */
  private void string(int start, int end) {
    int run = start;
    int i = start + 1;
    while (i < end) {
      char c = text.charAt(i);
      if (c == escape) {
        i += 2;
      } else if (c == '$') {
        int close = Math.min(end, variableEnd(i, end));
        if (close > i + 1) {
          add(Token.Kind.STRING, run, i);
          add(Token.Kind.VARIABLE, i, close);
          run = close;
        }
        i = Math.max(close, i + 1);
      } else {
        i++;
      }
    }
    add(Token.Kind.STRING, run, end);
  }

  private void plain(Token.Kind kind, int start, int end) {
    if (kind != null) {
      add(kind, start, end);
    }
  }

  /** The index after the quoted section opening at {@code i} (the range's end if unterminated). */
  int quoted(int i, int to) {
    char quote = text.charAt(i);
    int j = i + 1;
    while (j < to) {
      char c = text.charAt(j);
      if (c == quote) {
        return j + 1;
      }
      j += c == escape && quote == '"' ? 2 : 1;
    }
    return to;
  }

  /**
   * The index after the variable reference at {@code i}, or {@code i} when {@code $} is literal.
   */
  int variableEnd(int i, int to) {
    if (i + 1 >= to) {
      return i;
    }
    char c = text.charAt(i + 1);
    if (c == '{') {
      int depth = 0;
      for (int j = i + 1; j < to; j++) {
        char d = text.charAt(j);
        depth += d == '{' ? 1 : d == '}' ? -1 : 0;
        if (depth == 0) {
          return j + 1;
        }
      }
      return to;
    }
    if (Character.isLetter(c) || c == '_') {
      int j = i + 1;
      while (j < to && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
        j++;
      }
      return j;
    }
    return isDigit(c) || "@*#?-$!".indexOf(c) >= 0 ? i + 2 : i;
  }

  private int numberEnd(int i, int to) {
    int j = i;
    if (j < to && text.charAt(j) == '-') {
      j++;
    }
    while (j < to && (isDigit(text.charAt(j)) || text.charAt(j) == '.')) {
      j++;
    }
    boolean alone = j == to || !Character.isLetterOrDigit(text.charAt(j)) && text.charAt(j) != '_';
    return alone && j > i ? j : i;
  }

  private boolean atWordStart(int i, int from) {
    return i == from
        || Character.isWhitespace(text.charAt(i - 1))
        || "|&;=:-/,".indexOf(text.charAt(i - 1)) >= 0;
  }

  private static HeredocMarker markerAt(List<HeredocMarker> markers, int i) {
    for (HeredocMarker marker : markers) {
      if (marker.start() == i) {
        return marker;
      }
    }
    return null;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
