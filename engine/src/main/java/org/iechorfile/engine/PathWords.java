package org.iechorfile.engine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the image path under a cursor: a word starting with {@code /} anywhere (a RUN command line,
 * a COPY destination, an ENV value), or a relative word where an instruction or command takes an
 * image path (WORKDIR, the destination of COPY and ADD, the argument of {@code %ls}, {@code %cat},
 * {@code %tree}, {@code %stat}, {@code %du}). Words with variables are left alone: their value is
 * only known when the step runs.
 */
final class PathWords {

  private static final String STOPS = " \t\"'`;|&<>(){}[],=:*?$\\";
  private static final List<String> PATH_COMMANDS = List.of("%ls", "%cat", "%tree", "%stat", "%du");

  private PathWords() {}

  static Optional<String> at(String input, int cursor) {
    int index = input.offsetByCodePoints(0, cursor);
    int lineStart = input.lastIndexOf('\n', index - 1) + 1;
    int lineEnd = input.indexOf('\n', index);
    String line = input.substring(lineStart, lineEnd < 0 ? input.length() : lineEnd);
    int at = index - lineStart;
    int start = at;
    while (start > 0 && STOPS.indexOf(line.charAt(start - 1)) < 0) {
      start--;
    }
    int end = at;
    while (end < line.length() && STOPS.indexOf(line.charAt(end)) < 0) {
      end++;
    }
    if (start == end || touchesVariable(line, start, end)) {
      return Optional.empty();
    }
    String word = line.substring(start, end);
    if (word.startsWith("/") && !word.startsWith("//")) {
      return Optional.of(word);
    }
    if (word.startsWith("-") || !takesRelativePath(line, start, end)) {
      return Optional.empty();
    }
    return Optional.of(word);
  }

  private static boolean touchesVariable(String line, int start, int end) {
    return (start > 0 && line.charAt(start - 1) == '$')
        || (start > 1 && line.charAt(start - 1) == '{' && line.charAt(start - 2) == '$')
        || (end < line.length() && line.charAt(end) == '$');
  }

  /** Whether the word from {@code start} to {@code end} is where the line takes an image path. */
  private static boolean takesRelativePath(String line, int start, int end) {
    String[] words = line.strip().split("\\s+");
    if (words.length < 2 || line.substring(0, start).isBlank()) {
      return false;
    }
    String first = words[0].toUpperCase(Locale.ROOT);
    boolean isLast = line.substring(end).isBlank();
    switch (first) {
      case "WORKDIR":
        return true;
      case "COPY":
      case "ADD":
        return isLast && !line.strip().endsWith("]");
      default:
        return PATH_COMMANDS.contains(words[0].toLowerCase(Locale.ROOT));
    }
  }
}
