package org.iechorfile.engine.command;

import java.util.ArrayList;
import java.util.List;
import org.iechorfile.engine.SourceSpan;

/** Splits a command line into words at blanks; single and double quotes group, and are removed. */
final class CommandWords {

  /** A word and where it is on the line. */
  record Word(String text, SourceSpan span) {}

  private CommandWords() {}

  static List<Word> split(String line) {
    List<Word> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int start = -1;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        start = start < 0 ? i : start;
      } else if (Character.isWhitespace(c)) {
        if (start >= 0) {
          words.add(new Word(word.toString(), SourceSpan.of(1, start + 1, i - start)));
          word.setLength(0);
          start = -1;
        }
      } else {
        word.append(c);
        start = start < 0 ? i : start;
      }
    }
    if (start >= 0) {
      words.add(new Word(word.toString(), SourceSpan.of(1, start + 1, line.length() - start)));
    }
    return words;
  }
}
