package org.iechorfile.engine.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The word splitter BuildKit uses to find heredoc markers: its shell lexer with the escape fixed to
 * {@code \}, no variables set and unset variables left as written. {@code rawQuotes} keeps quote
 * characters in the words; {@code rawEscapes} keeps escape characters. Nothing is expanded.
 *
 * <p>One deliberate addition over a plain shell split: {@code <<} (or {@code <<-}) followed by
 * spaces or tabs stays glued to the next word, so {@code << EOF} is one marker word.
 */
final class ShellWords {

  /** Nested {@code ${...}} deeper than this is treated as unlexable (no heredocs). */
  private static final int MAX_NESTING = 256;

  private static final int EOF = -1;

  /** Why a text could not be lexed; internal to heredoc detection, never crosses the API. */
  static final class LexFailure extends Exception {
    private static final long serialVersionUID = 1L;

    LexFailure(String message) {
      super(message, null, false, false);
    }
  }

  private final String src;
  private final boolean rawQuotes;
  private boolean rawEscapes;
  private int pos;
  private int depth;

  private ShellWords(String src, boolean rawQuotes, boolean rawEscapes) {
    this.src = src;
    this.rawQuotes = rawQuotes;
    this.rawEscapes = rawEscapes;
  }

  /** The words of {@code src}. */
  static List<String> split(String src, boolean rawQuotes, boolean rawEscapes) throws LexFailure {
    ShellWords lexer = new ShellWords(src, rawQuotes, rawEscapes);
    Words words = new Words();
    lexer.until(EOF, rawEscapes, words);
    return words.finish();
  }

  /** Accumulates words as the lexer's word builder does. */
  private static final class Words {
    private final List<String> done = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private boolean inWord;

    /** Whether the word is {@code <<} or {@code <<-} plus the blanks glued to it so far. */
    private boolean gluing;

    void addChar(int c) {
      if (GoText.isSpace(c)) {
        if (inWord && word.length() > 0) {
          if ((c == ' ' || c == '\t') && (gluing || endsWithHeredocOperator())) {
            word.appendCodePoint(c);
            gluing = true;
            return;
          }
          done.add(word.toString());
          word.setLength(0);
          inWord = false;
          gluing = false;
        }
      } else {
        addRawChar(c);
      }
    }

    private boolean endsWithHeredocOperator() {
      int end = word.length();
      if (end > 0 && word.charAt(end - 1) == '-') {
        end--;
      }
      return end >= 2 && word.charAt(end - 1) == '<' && word.charAt(end - 2) == '<';
    }

    void addRawChar(int c) {
      word.appendCodePoint(c);
      inWord = true;
      gluing = false;
    }

    void addString(String s) {
      for (int i = 0; i < s.length(); ) {
        int c = s.codePointAt(i);
        addChar(c);
        i += Character.charCount(c);
      }
    }

    void addRawString(String s) {
      word.append(s);
      inWord = true;
      gluing = gluing && s.isEmpty();
    }

    List<String> finish() {
      if (word.length() > 0) {
        done.add(word.toString());
        word.setLength(0);
      }
      return done;
    }
  }

  private int peek() {
    return pos < src.length() ? src.codePointAt(pos) : EOF;
  }

  private int next() {
    if (pos >= src.length()) {
      return EOF;
    }
    int c = src.codePointAt(pos);
    pos += Character.charCount(c);
    return c;
  }

  /** Reads up to {@code stop} (consumed) or the end; {@code words} may be null when unused. */
  private String until(int stop, boolean escapesRaw, Words words) throws LexFailure {
    boolean saved = rawEscapes;
    rawEscapes = escapesRaw;
    try {
      return untilInner(stop, words == null ? new Words() : words);
    } finally {
      rawEscapes = saved;
    }
  }

  private String untilInner(int stop, Words words) throws LexFailure {
    StringBuilder result = new StringBuilder();
    while (peek() != EOF) {
      int c = peek();
      if (stop != EOF && c == stop) {
        next();
        return result.toString();
      }
      if (c == '$' || c == '\'' || c == '"') {
        String part = c == '$' ? dollar() : c == '\'' ? singleQuoted() : doubleQuoted();
        result.append(part);
        if (c == '$') {
          words.addString(part);
        } else {
          words.addRawString(part);
        }
        continue;
      }
      c = next();
      if (c == '\\') {
        if (rawEscapes) {
          words.addRawChar(c);
          result.append('\\');
        }
        c = next();
        if (c == EOF) {
          break;
        }
        words.addRawChar(c);
      } else {
        words.addChar(c);
      }
      result.appendCodePoint(c);
    }
    if (stop != EOF) {
      throw new LexFailure(
          "unexpected end of statement while looking for matching " + Character.toString(stop));
    }
    return result.toString();
  }

  private String singleQuoted() throws LexFailure {
    StringBuilder result = new StringBuilder();
    int c = next();
    if (rawQuotes) {
      result.appendCodePoint(c);
    }
    while (true) {
      c = next();
      if (c == EOF) {
        throw new LexFailure("unexpected end of statement while looking for matching single-quote");
      }
      if (c == '\'') {
        if (rawQuotes) {
          result.append('\'');
        }
        return result.toString();
      }
      result.appendCodePoint(c);
    }
  }

  private String doubleQuoted() throws LexFailure {
    StringBuilder result = new StringBuilder();
    int c = next();
    if (rawQuotes) {
      result.appendCodePoint(c);
    }
    while (true) {
      int p = peek();
      if (p == EOF) {
        throw new LexFailure("unexpected end of statement while looking for matching double-quote");
      }
      if (p == '"') {
        next();
        if (rawQuotes) {
          result.append('"');
        }
        return result.toString();
      }
      if (p == '$') {
        result.append(dollar());
        continue;
      }
      c = next();
      if (c == '\\') {
        if (rawEscapes) {
          result.append('\\');
        }
        int after = peek();
        if (after == EOF) {
          continue;
        }
        if (after == '"' || after == '$' || after == '\\') {
          c = next();
        }
      }
      result.appendCodePoint(c);
    }
  }

  /** A {@code $} reference, kept as written since no variable is set. */
  private String dollar() throws LexFailure {
    next();
    if (peek() != '{') {
      String name = name();
      return "$" + name;
    }
    next();
    int p = peek();
    if (p == EOF) {
      throw new LexFailure("syntax error: missing '}'");
    }
    if (p == '{' || p == '}' || p == ':') {
      throw new LexFailure("syntax error: bad substitution");
    }
    if (++depth > MAX_NESTING) {
      throw new LexFailure("substitution nested too deeply");
    }
    try {
      return braced(name());
    } finally {
      depth--;
    }
  }

  private String braced(String name) throws LexFailure {
    int c = next();
    String modifier = c == EOF ? "\uFFFD" : Character.toString(c);
    switch (c) {
      case '}':
        return "${" + name + "}";
      case ':':
        c = next();
        modifier += c == EOF ? "\uFFFD" : Character.toString(c);
        return "${" + name + modifier + operand('}', c == '#' || c == '%', "'}'") + "}";
      case '+':
      case '-':
      case '?':
      case '#':
      case '%':
        return "${" + name + modifier + operand('}', c == '#' || c == '%', "'}'") + "}";
      case '/':
        if (peek() == '/') {
          next();
        }
        String pattern = operand('/', true, "'/' in ${}");
        String replacement = operand('}', true, "'}'");
        return "${" + name + "/" + pattern + "/" + replacement + "}";
      default:
        throw new LexFailure("unsupported modifier (" + modifier + ") in substitution");
    }
  }

  private String operand(int stop, boolean escapesRaw, String missing) throws LexFailure {
    try {
      return until(stop, escapesRaw, null);
    } catch (LexFailure e) {
      if (peek() == EOF) {
        throw new LexFailure("syntax error: missing " + missing);
      }
      throw e;
    }
  }

  private String name() {
    StringBuilder name = new StringBuilder();
    while (peek() != EOF) {
      int c = peek();
      if (name.length() == 0 && Character.isDigit(c)) {
        while (peek() != EOF && Character.isDigit(peek())) {
          name.appendCodePoint(next());
        }
        return name.toString();
      }
      if (name.length() == 0 && "@*#?-$!0".indexOf(c) >= 0) {
        next();
        return Character.toString(c);
      }
      if (!Character.isLetter(c) && !Character.isDigit(c) && c != '_') {
        break;
      }
      name.appendCodePoint(next());
    }
    return name.toString();
  }
}
