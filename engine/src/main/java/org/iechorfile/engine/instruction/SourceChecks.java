package org.iechorfile.engine.instruction;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks BuildKit makes on COPY and ADD values once they are expanded: URL and git sources,
 * {@code --checksum} and {@code --chmod}. At parse time they run on values without variables only,
 * so a mistake is reported as early as it can be known; after expansion they run on everything.
 */
final class SourceChecks {

  private static final Pattern SYMBOLIC_MODE =
      Pattern.compile("[ugoa]*[-+=]([rwxXst]*|[ugo])(,[ugoa]*[-+=]([rwxXst]*|[ugo]))*");

  private SourceChecks() {}

  static void checkCopy(Copy copy, boolean literalOnly) throws InstructionException {
    for (String source : copy.sources()) {
      if (literalOnly && hasVariable(source)) {
        continue;
      }
      if (isGit(source)) {
        throw new InstructionException("source can't be a git ref for COPY", source);
      }
      if (isHttp(source)) {
        throw new InstructionException("source can't be a URL for COPY", source);
      }
    }
    checkChmod(copy.chmod(), literalOnly);
  }

  static void checkAdd(Add add, boolean literalOnly) throws InstructionException {
    checkChmod(add.chmod(), literalOnly);
    if (add.checksum().isEmpty()) {
      return;
    }
    if (add.sources().size() + add.heredocSources().size() != 1) {
      throw new InstructionException(
          "checksum can't be specified for multiple sources", "--checksum");
    }
    if (add.sources().isEmpty()) {
      throw new InstructionException("checksum requires HTTP(S) or Git sources", "--checksum");
    }
    String source = add.sources().get(0);
    if (literalOnly && hasVariable(source)) {
      return;
    }
    if (!isHttp(source) && !isGit(source)) {
      throw new InstructionException("checksum requires HTTP(S) or Git sources", "--checksum");
    }
  }

  private static void checkChmod(Optional<String> chmod, boolean literalOnly)
      throws InstructionException {
    if (chmod.isEmpty() || (literalOnly && hasVariable(chmod.get()))) {
      return;
    }
    String mode = chmod.get();
    boolean octal = mode.matches("[0-7]{1,11}") && Long.parseLong(mode, 8) <= 07777;
    if (!octal && !SYMBOLIC_MODE.matcher(mode).matches()) {
      throw new InstructionException(
          "invalid chmod parameter: '"
              + mode
              + "'. it should be octal string and between 0 and 07777",
          "--chmod");
    }
  }

  /** Whether {@code text} may change under expansion. */
  static boolean hasVariable(String text) {
    return text.indexOf('$') >= 0;
  }

  /** An {@code http://} or {@code https://} URL. */
  static boolean isHttp(String source) {
    String lower = source.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  /**
   * A git reference that cannot be mistaken for a local path: {@code git://}, {@code git@host:},
   * {@code ssh://}, or an HTTP(S) URL whose path ends in {@code .git} (before any {@code #ref}).
   */
  static boolean isGit(String source) {
    String lower = source.toLowerCase(Locale.ROOT);
    if (lower.startsWith("git://") || lower.startsWith("ssh://")) {
      return true;
    }
    if (lower.startsWith("git@") && lower.indexOf(':') > 4) {
      return true;
    }
    if (isHttp(lower)) {
      int hash = lower.indexOf('#');
      String path = hash < 0 ? lower : lower.substring(0, hash);
      return path.endsWith(".git");
    }
    return false;
  }
}
