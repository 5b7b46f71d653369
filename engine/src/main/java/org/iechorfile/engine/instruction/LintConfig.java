package org.iechorfile.engine.instruction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.Severity;

/**
 * The {@code # check=} setting: {@code skip=<Rule,Rule|all>}, {@code error=<bool>} and {@code
 * experimental=<Rule,…|all>}, separated by {@code ;}. Rule names are case-sensitive. Given as a
 * parser directive it applies to the file; written as a comment directly above an instruction it
 * replaces the file's setting for that instruction.
 */
final class LintConfig {

  static final LintConfig DEFAULT = new LintConfig(Set.of(), false, false);

  private static final Pattern COMMENT = Pattern.compile("(?i)^check\\s*=\\s*(.*)$");

  private final Set<String> skip;
  private final boolean skipAll;
  private final boolean asErrors;

  private LintConfig(Set<String> skip, boolean skipAll, boolean asErrors) {
    this.skip = Set.copyOf(skip);
    this.skipAll = skipAll;
    this.asErrors = asErrors;
  }

  /** Reads a {@code check} value; the message says which part is wrong. */
  static LintConfig parse(String text) throws InstructionException {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return DEFAULT;
    }
    Set<String> skip = new HashSet<>();
    boolean skipAll = false;
    boolean asErrors = false;
    for (String part : trimmed.split(";", 3)) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new InstructionException("invalid check option \"" + part + "\"", part);
      }
      String key = part.substring(0, eq).strip();
      String value = part.substring(eq + 1).strip();
      switch (key) {
        case "skip":
          skipAll |= value.equals("all");
          for (String rule : value.split(",")) {
            skip.add(rule.strip());
          }
          break;
        case "error":
          asErrors = bool(value, part);
          break;
        case "experimental":
          break;
        default:
          throw new InstructionException("invalid check option \"" + key + "\"", part);
      }
    }
    return new LintConfig(skip, skipAll, asErrors);
  }

  private static boolean bool(String value, String part) throws InstructionException {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "1":
      case "t":
      case "true":
        return true;
      case "0":
      case "f":
      case "false":
        return false;
      default:
        throw new InstructionException(
            "failed to parse check option \""
                + part
                + "\": strconv.ParseBool: parsing \""
                + value
                + "\": invalid syntax",
            part);
    }
  }

  /** The setting in the last {@code check=} comment of {@code comments}, if any is valid. */
  static Optional<LintConfig> fromComments(List<String> comments) {
    for (int i = comments.size() - 1; i >= 0; i--) {
      Matcher m = COMMENT.matcher(comments.get(i));
      if (m.matches()) {
        try {
          return Optional.of(parse(m.group(1)));
        } catch (InstructionException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** {@code found} with skipped rules removed and, with {@code error=true}, warnings as errors. */
  List<Diagnostic> apply(List<Diagnostic> found) {
    List<Diagnostic> kept = new ArrayList<>();
    for (Diagnostic d : found) {
      if (d.rule().isEmpty()) {
        kept.add(d);
      } else if (!skipAll && !skip.contains(d.rule())) {
        kept.add(
            asErrors && d.severity() == Severity.WARNING
                ? new Diagnostic(Severity.ERROR, d.message(), d.span(), d.rule(), d.suggestions())
                : d);
      }
    }
    return kept;
  }
}
