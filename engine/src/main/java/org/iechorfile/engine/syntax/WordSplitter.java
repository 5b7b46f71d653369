package org.iechorfile.engine.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the words of a text as the lexer scans it. Characters that may split (unquoted literal
 * text and the values of unquoted expansions) go through {@link #addChar}; quoted text and escaped
 * characters go through the raw methods and never split.
 */
final class WordSplitter {

  private final List<String> words = new ArrayList<>();
  private final StringBuilder word = new StringBuilder();
  private boolean inWord;

  /** Whether the word ends in {@code <<} plus any spaces or tabs that were glued to it. */
  private boolean afterHeredocOperator;

  /** Adds a character that splits words when it is whitespace. */
  void addChar(int ch) {
    if (!isSpace(ch)) {
      addRawChar(ch);
    } else if (inWord && afterHeredocOperator && (ch == ' ' || ch == '\t')) {
      // "<< EOF" stays one word, so that the parser can find heredoc markers written with a space.
      word.appendCodePoint(ch);
    } else if (inWord && word.length() != 0) {
      words.add(word.toString());
      word.setLength(0);
      inWord = false;
      afterHeredocOperator = false;
    }
  }

  /** Adds each character of an unquoted expansion's value through {@link #addChar}. */
  void addString(String text) {
    for (int i = 0; i < text.length(); ) {
      int ch = text.codePointAt(i);
      addChar(ch);
      i += Character.charCount(ch);
    }
  }

  /** Adds a character that never splits. */
  void addRawChar(int ch) {
    word.appendCodePoint(ch);
    inWord = true;
    afterHeredocOperator = endsWithHeredocOperator();
  }

  /**
   * Adds text that never splits, such as a quoted string. Even an empty one marks a word as begun,
   * but a word that stays empty is never produced ({@code a "" b} gives {@code a}, {@code b}).
   */
  void addRawString(String text) {
    word.append(text);
    inWord = true;
    afterHeredocOperator = endsWithHeredocOperator();
  }

  /** The words so far, ending the current one. */
  List<String> words() {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
      inWord = false;
    }
    return words;
  }

  private boolean endsWithHeredocOperator() {
    int end = word.length();
    return end >= 2 && word.charAt(end - 1) == '<' && word.charAt(end - 2) == '<';
  }

  /**
   * Whitespace as Go's {@code unicode.IsSpace} defines it (Unicode White_Space). Unlike {@link
   * Character#isWhitespace}, it includes the no-break spaces and excludes U+001C to U+001F.
   */
  static boolean isSpace(int ch) {
    if (ch <= 0xff) {
      return ch == ' ' || (ch >= '\t' && ch <= '\r') || ch == 0x85 || ch == 0xa0;
    }
    return ch == 0x1680
        || (ch >= 0x2000 && ch <= 0x200a)
        || ch == 0x2028
        || ch == 0x2029
        || ch == 0x202f
        || ch == 0x205f
        || ch == 0x3000;
  }
}
