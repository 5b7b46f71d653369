package org.iechorfile.engine;

import java.util.List;
import java.util.Objects;

/**
 * A finding about user input: a syntax error, an unknown flag, a lint warning. Mistakes in user
 * input are reported as diagnostics, never as exceptions.
 *
 * @param severity how serious it is
 * @param message one sentence saying what is wrong, in the reference's wording where it has one
 * @param span where in the source text it is
 * @param rule the lint rule name (for example {@code JSONArgsRecommended}), or empty for errors
 *     that are not lint rules
 * @param suggestions replacements that would fix it (for example {@code COPY} for {@code CPOY}),
 *     best first; may be empty
 */
public record Diagnostic(
    Severity severity, String message, SourceSpan span, String rule, List<String> suggestions) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(rule, "rule");
    suggestions = List.copyOf(suggestions);
  }

  /** An error with no rule name and no suggestions. */
  public static Diagnostic error(String message, SourceSpan span) {
    return new Diagnostic(Severity.ERROR, message, span, "", List.of());
  }

  /** An error with suggestions. */
  public static Diagnostic error(String message, SourceSpan span, List<String> suggestions) {
    return new Diagnostic(Severity.ERROR, message, span, "", suggestions);
  }

  /** A lint warning for {@code rule}. */
  public static Diagnostic warning(String rule, String message, SourceSpan span) {
    return new Diagnostic(Severity.WARNING, message, span, rule, List.of());
  }

  /** Whether this diagnostic stops the input from being applied. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The diagnostic as {@code LINE:COL: message}, the form the command line prints. */
  public String format() {
    return span.startLine() + ":" + span.startColumn() + ": " + message;
  }
}
