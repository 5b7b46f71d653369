package org.iechorfile.engine.session;

import java.util.Optional;

/**
 * The {@code --chmod} values of COPY and ADD: octal ({@code 755}, {@code 0644}) sets the mode of
 * every copied file and directory; symbolic ({@code u+x,go-w}, {@code a=rX}) changes each one's own
 * mode, as chmod(1) does ({@code X} adds execute to directories and to files already executable by
 * someone).
 */
final class FileModes {

  private final Optional<Integer> octal;
  private final String[] clauses;

  private FileModes(Optional<Integer> octal, String[] clauses) {
    this.octal = octal;
    this.clauses = clauses;
  }

  /** Keeps every mode as it is. */
  static FileModes unchanged() {
    return new FileModes(Optional.empty(), new String[0]);
  }

  /**
   * Parses a {@code --chmod} value.
   *
   * @throws IllegalArgumentException with a message for users when it is neither form
   */
  static FileModes parse(String text) {
    if (text.matches("[0-7]{1,4}")) {
      return new FileModes(Optional.of(Integer.parseInt(text, 8)), new String[0]);
    }
    String[] clauses = text.split(",", -1);
    for (String clause : clauses) {
      if (!clause.matches("[ugoa]*([-+=][rwxXst]*)+")) {
        throw new IllegalArgumentException(
            "invalid --chmod value "
                + text
                + ": use octal digits (--chmod=755) or chmod's symbolic form (--chmod=u+x,go-w)");
      }
    }
    return new FileModes(Optional.empty(), clauses);
  }

  /** The mode a file or directory with {@code mode} (permission bits) gets. */
  int apply(int mode, boolean directory) {
    if (octal.isPresent()) {
      return octal.get();
    }
    int result = mode & 07777;
    for (String clause : clauses) {
      result = applyClause(clause, result, directory);
    }
    return result;
  }

  private static int applyClause(String clause, int mode, boolean directory) {
    int i = 0;
    int who = 0;
    while (i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0) {
      who |= whoMask(clause.charAt(i));
      i++;
    }
    if (who == 0) {
      who = 07777;
    }
    int result = mode;
    while (i < clause.length()) {
      char op = clause.charAt(i++);
      int bits = 0;
      while (i < clause.length() && "-+=".indexOf(clause.charAt(i)) < 0) {
        bits |= permission(clause.charAt(i++), result, directory);
      }
      int masked = bits & who;
      switch (op) {
        case '+' -> result |= masked;
        case '-' -> result &= ~masked;
        default -> result = (result & ~(who & 07777)) | masked;
      }
    }
    return result;
  }

  private static int whoMask(char who) {
    return switch (who) {
      case 'u' -> 04700;
      case 'g' -> 02070;
      case 'o' -> 01007;
      default -> 07777;
    };
  }

  private static int permission(char c, int mode, boolean directory) {
    return switch (c) {
      case 'r' -> 0444;
      case 'w' -> 0222;
      case 'x' -> 0111;
      case 'X' -> directory || (mode & 0111) != 0 ? 0111 : 0;
      case 's' -> 06000;
      default -> 01000;
    };
  }
}
