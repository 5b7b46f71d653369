package org.iechorfile.engine.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the heredoc markers ({@code <<EOF}, {@code <<-EOF}, {@code 3<<"EOF"}, {@code << EOF}) in an
 * assembled RUN, COPY or ADD line, in order. Marker detection always uses {@code \} as the escape
 * character, whatever the file's escape directive says.
 */
final class HeredocMarkers {

  private HeredocMarkers() {}

  /** A marker found on the instruction line; its body is read from the following lines. */
  record Marker(String name, boolean expand, boolean chomp, int fileDescriptor) {}

  /** The markers, or the reason the line is malformed (a hard error in the reference). */
  record Found(List<Marker> markers, Optional<String> error) {}

  /**
   * The markers of {@code line}. A line that cannot be shell-lexed (an unbalanced quote, a bad
   * substitution) has no markers at all, as in the reference.
   */
  static Found find(String line) {
    List<String> words;
    try {
      words = ShellWords.split(line, true, true);
    } catch (ShellWords.LexFailure e) {
      return new Found(List.of(), Optional.empty());
    }
    List<Marker> markers = new ArrayList<>();
    for (String word : words) {
      try {
        marker(word).ifPresent(markers::add);
      } catch (ShellWords.LexFailure e) {
        return new Found(
            List.of(), Optional.of("failed to process \"" + word + "\": " + e.getMessage()));
      }
    }
    return new Found(markers, Optional.empty());
  }

  /** Whether {@code word} is a marker: {@code ^(\d*)<<(-?)\s*([^<]*)$} with a one-word tail. */
  static Optional<Marker> marker(String word) throws ShellWords.LexFailure {
    int i = 0;
    int n = word.length();
    while (i < n && word.charAt(i) >= '0' && word.charAt(i) <= '9') {
      i++;
    }
    if (!word.startsWith("<<", i)) {
      return Optional.empty();
    }
    int fd = fileDescriptor(word.substring(0, i));
    i += 2;
    boolean chomp = i < n && word.charAt(i) == '-';
    if (chomp) {
      i++;
    }
    while (i < n && isRegexSpace(word.charAt(i))) {
      i++;
    }
    String tail = word.substring(i);
    if (tail.isEmpty() || tail.indexOf('<') >= 0) {
      return Optional.empty();
    }
    List<String> plain = ShellWords.split(tail, false, false);
    if (plain.size() != 1) {
      return Optional.empty();
    }
    List<String> raw = ShellWords.split(tail, true, false);
    if (raw.size() != plain.size()) {
      throw new ShellWords.LexFailure(
          "internal lexing of heredoc produced inconsistent results: " + tail);
    }
    boolean expand = quotes(plain.get(0)) == quotes(raw.get(0));
    return Optional.of(new Marker(plain.get(0), expand, chomp, fd));
  }

  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private static int fileDescriptor(String digits) {
    if (digits.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static int quotes(String s) {
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        count++;
      }
    }
    return count;
  }
}
