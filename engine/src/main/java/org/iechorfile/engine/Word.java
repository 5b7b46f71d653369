package org.iechorfile.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A whitespace-separated word of a logical line, with its character range in that line. Quotes
 * group whitespace into one word and an escape character protects the character after it; both stay
 * in {@link #text()}.
 *
 * @param start index of the first character
 * @param end index after the last character
 * @param text the word as written
 */
record Word(int start, int end, String text) {

  /** The words of {@code text}; an unterminated quote runs to the end of the text. */
  static List<Word> split(String text, char escape) {
    return split(text, escape, 0);
  }

  /** The words of {@code text} from index {@code from}, with indexes into the whole text. */
  static List<Word> split(String text, char escape, int from) {
    List<Word> words = new ArrayList<>();
    int i = from;
    while (i < text.length()) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      char quote = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == escape && quote != '\'' && i + 1 < text.length()) {
          i += 2;
          continue;
        }
        if (quote != 0) {
          quote = c == quote ? 0 : quote;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (Character.isWhitespace(c)) {
          break;
        }
        i++;
      }
      words.add(new Word(start, i, text.substring(start, i)));
    }
    return words;
  }

  /** Whether this word is a flag ({@code --name...}), though not the bare {@code --}. */
  boolean isFlag() {
    return text.startsWith("--") && text.length() > 2;
  }
}
