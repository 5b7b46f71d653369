package org.iechorfile.engine.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one assembled instruction line into keyword, flag words and the rest, and cuts the rest
 * into words the way BuildKit's line parser does. Pure functions over strings.
 */
final class InstructionText {

  private InstructionText() {}

  /**
   * The keyword, the flag words and the remaining text of an instruction; the rest is {@code
   * line[restStart, restEnd)}, kept as offsets so ONBUILD chains are split without copying.
   */
  record Split(String keyword, List<String> flags, String line, int restStart, int restEnd) {
    String rest() {
      return line.substring(restStart, restEnd);
    }

    boolean hasRest() {
      return restStart < restEnd;
    }
  }

  /** Splits {@code line}: keyword up to the first {@code [\t\v\f\r ]}, then flags, then rest. */
  static Split split(String line, char escape) {
    return split(line, 0, line.length(), escape);
  }

  /** Splits {@code line[from, to)}. */
  static Split split(String line, int from, int to, char escape) {
    int start = GoText.skipSpace(line, from, to);
    int stop = GoText.skipSpaceBackwards(line, start, to);
    int end = start;
    while (end < stop && !GoText.isBlank(line.charAt(end))) {
      end++;
    }
    String keyword = line.substring(start, end);
    if (end == stop) {
      return new Split(keyword, List.of(), line, stop, stop);
    }
    int after = end;
    while (after < stop && GoText.isBlank(line.charAt(after))) {
      after++;
    }
    List<String> flags = new ArrayList<>();
    int rest = extractFlags(line, after, stop, escape, flags);
    rest = GoText.skipSpace(line, rest, stop);
    return new Split(keyword, flags, line, rest, stop);
  }

  /**
   * Reads the leading {@code --flag} words of {@code line[from, n)} into {@code flags} and returns
   * the offset of the text after them. The scanner is one state machine in one method (a little
   * over the usual length) so its quoting rules read top to bottom next to the reference's. Quotes
   * are removed, the escape character takes the next character literally, and a bare {@code --}
   * ends the flags.
   */
  static int extractFlags(String line, int from, int n, char escape, List<String> flags) {
    int pos = from;
    StringBuilder word = new StringBuilder();
    while (true) {
      pos = GoText.skipSpace(line, pos, n);
      if (pos == n) {
        return n;
      }
      if (line.charAt(pos) != '-' || pos + 1 == n || line.charAt(pos + 1) != '-') {
        return pos;
      }
      word.setLength(0);
      boolean blankOk = false;
      char quote = 0;
      while (pos < n) {
        char c = line.charAt(pos);
        if (quote == 0 && GoText.isSpace(c)) {
          break;
        }
        pos++;
        if (quote == 0 && (c == '\'' || c == '"')) {
          quote = c;
          blankOk = true;
        } else if (quote != 0 && c == quote) {
          quote = 0;
        } else if (c == escape) {
          if (pos == n) {
            quote = 0;
          } else {
            word.append(line.charAt(pos++));
          }
        } else {
          word.append(c);
        }
      }
      String w = word.toString();
      if (w.equals("--")) {
        return pos;
      }
      if (blankOk || !w.isEmpty()) {
        flags.add(w);
      }
    }
  }

  /** Splits on runs of {@code [\t\v\f\r ]}; empty input gives no words. */
  static List<String> splitBlank(String rest) {
    List<String> out = new ArrayList<>();
    if (rest.isEmpty()) {
      return out;
    }
    int start = 0;
    int i = 0;
    int n = rest.length();
    while (i < n) {
      if (GoText.isBlank(rest.charAt(i))) {
        out.add(rest.substring(start, i));
        while (i < n && GoText.isBlank(rest.charAt(i))) {
          i++;
        }
        start = i;
      } else {
        i++;
      }
    }
    out.add(rest.substring(start));
    return out;
  }

  /** Index of the first {@code [\t\v\f\r ]} in {@code s}, or -1. */
  static int firstBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (GoText.isBlank(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Quote-aware words (ARG, ENV, LABEL): split on Unicode white space outside quotes; quotes and
   * escapes are kept verbatim; a trailing escape character is dropped. One state machine in one
   * method, like {@link #extractFlags}.
   */
  static List<String> words(String rest, char escape) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    boolean blankOk = false;
    char quote = 0;
    int n = rest.length();
    for (int pos = 0; pos < n; pos++) {
      char c = rest.charAt(pos);
      if (quote == 0) {
        if (GoText.isSpace(c)) {
          if (inWord && (blankOk || word.length() > 0)) {
            words.add(word.toString());
          }
          word.setLength(0);
          inWord = false;
          blankOk = false;
          continue;
        }
        inWord = true;
        if (c == '\'' || c == '"') {
          quote = c;
          blankOk = true;
        } else if (c == escape) {
          if (pos + 1 == n) {
            continue;
          }
          word.append(c);
          c = rest.charAt(++pos);
        }
        word.append(c);
        continue;
      }
      if (c == quote) {
        quote = 0;
      } else if (c == escape && quote != '\'') {
        if (pos + 1 == n) {
          continue;
        }
        word.append(c);
        c = rest.charAt(++pos);
      }
      word.append(c);
    }
    if (inWord && (blankOk || word.length() > 0)) {
      words.add(word.toString());
    }
    return words;
  }
}
