package org.iechorfile.engine.syntax;

import java.util.Objects;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.SourceSpan;

/**
 * A word could not be expanded: a bad or unterminated {@code ${...}}, an unsupported modifier, an
 * unterminated quote, an invalid pattern, or a {@code ${NAME?message}} whose variable is unset. The
 * message is the reference builder's text ({@code syntax error: bad substitution}, {@code syntax
 * error: missing '}'}, {@code unsupported modifier (:=) in substitution}, {@code NAME: is not
 * allowed to be unset}, ...); {@link #offset()} and {@link #length()} say where in the word, so the
 * instruction layer can turn it into a diagnostic with a span.
 */
public final class ExpansionException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String word;
  private final int offset;
  private final int length;

  /**
   * @param message the reference builder's text for the failure
   * @param word the whole word that was being expanded
   * @param offset where the failing construct starts, in code points from the start of the word
   * @param length how many code points it covers, at least 1 unless the word is empty
   */
  ExpansionException(String message, String word, int offset, int length) {
    super(Objects.requireNonNull(message, "message"));
    this.word = Objects.requireNonNull(word, "word");
    int codePoints = word.codePointCount(0, word.length());
    if (offset < 0 || offset > codePoints) {
      throw new IllegalArgumentException("offset " + offset + " outside a word of " + codePoints);
    }
    this.offset = offset;
    this.length = Math.max(0, Math.min(Math.max(1, length), codePoints - offset));
  }

  /** The word that could not be expanded, exactly as given. */
  public String word() {
    return word;
  }

  /** Where the failing construct starts, in code points from the start of {@link #word()}. */
  public int offset() {
    return offset;
  }

  /** How many code points of {@link #word()} the failing construct covers (0 only at its end). */
  public int length() {
    return length;
  }

  /**
   * The message as the reference builder reports it, with the word: {@code failed to process
   * "he${}": syntax error: bad substitution}.
   */
  public String describe() {
    return "failed to process " + quote(word) + ": " + getMessage();
  }

  /**
   * This failure as an error diagnostic, for a word that sits on one source line.
   *
   * @param line the 1-based line of the word
   * @param column the 1-based column (in code points) where the word starts on that line
   * @return an error with the {@link #describe()} message, spanning the failing construct
   */
  public Diagnostic toDiagnostic(int line, int column) {
    return Diagnostic.error(describe(), SourceSpan.of(line, column + offset, length));
  }

  /** Quotes like Go's {@code %q}: escapes, control characters as escapes, printable text raw. */
  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    text.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                  if (cp < 0x20 || cp == 0x7f) {
                    quoted.append(String.format("\\x%02x", cp));
                  } else {
                    quoted.appendCodePoint(cp);
                  }
                }
              }
            });
    return quoted.append('"').toString();
  }
}
