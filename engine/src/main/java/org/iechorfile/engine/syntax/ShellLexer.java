package org.iechorfile.engine.syntax;

import java.util.Objects;
import java.util.Set;

/**
 * Variable expansion and shell-word splitting for instruction arguments, with the reference
 * builder's rules (BuildKit's shell lexer): {@code $VAR}, {@code ${VAR}}, the modifiers {@code :- -
 * :+ + :? ? # ## % %% / //}, nested operands, single and double quotes, and the escape character of
 * the file ({@code \} or, after {@code # escape=`}, a backtick).
 *
 * <p>Unset variables expand to the empty string. Positional and special parameters ({@code $1},
 * {@code $@}, {@code $$}, ...) are looked up like any other name, so they are normally unset.
 * Mistakes in the word are reported as an {@link ExpansionException} carrying the reference's
 * message and the offset in the word; no other exception is thrown for any input.
 *
 * <p>Instances are immutable and may be shared between threads. Expansion is pure: it reads only
 * the given {@link Variables}. Time is linear in the input for quoting and nesting (nesting depth
 * is bounded by memory, not by the thread's stack) and at most text length times pattern length /
 * 64 for patterns, which never backtrack.
 *
 * <h2>Reference quirks reproduced on purpose</h2>
 *
 * <ul>
 *   <li>An operand is expanded even when its value is not used: {@code ${PWD:-$X}} looks up (and
 *       reports) {@code X}, and {@code ${PWD:-${X?}}} fails.
 *   <li>{@code *} and {@code ?} in patterns never match a line feed (Go's {@code .}).
 *   <li>The replacement of {@code ${v//p/r}} is a Go template: {@code $0} is the match, {@code $$}
 *       a dollar sign; the replacement of {@code ${v/p/r}} is literal. Escapes in both operands and
 *       in {@code #}/{@code %} patterns stay in the text ({@code ${v/a/}} inserts {@code }).
 *   <li>A variable's value used inside a pattern is a pattern: its {@code *} and {@code ?} match.
 *   <li>A U+FEFF at the start of a word is dropped (Go's text scanner skips it).
 *   <li>An error inside a {@code ${...}} operand that reaches the end of the word is reported as
 *       the outermost {@code ${...}}'s missing {@code }}.
 * </ul>
 *
 * <h2>Deliberate differences from the reference</h2>
 *
 * <ul>
 *   <li>{@code ${name} at the end of the word (no modifier and no {@code }}) reports {@code syntax
 *       error: missing '}'}; the reference reports {@code unsupported modifier (�) in
 *       substitution}, naming Go's end-of-input rune, which tells the user nothing.
 *   <li>A pattern ending in a lone {@code \} (possible only through a variable's value) reports
 *       {@code invalid escape '' at the end of the pattern} instead of Go's {@code %!c(int32=-1)};
 *       for {@code %} and {@code %%} the message shows the pattern as written, not reversed as the
 *       reference's does.
 *   <li>Patterns of any size match; Go's regular expression compiler would reject very large ones
 *       as "expression too large".
 *   <li>Text is handled as Unicode code points; Go handles UTF-8 bytes, which only differs for
 *       invalid UTF-8, which a Java string cannot hold (a lone surrogate is one character here).
 * </ul>
 */
public final class ShellLexer {

  private static final ShellLexer BACKSLASH = new ShellLexer(mode('\\', true));
  private static final ShellLexer BACKTICK = new ShellLexer(mode('`', true));
  private static final ShellLexer HEREDOC_BODY = new ShellLexer(mode('\\', false));

  private final LexerMode mode;

  private ShellLexer(LexerMode mode) {
    this.mode = mode;
  }

  private static LexerMode mode(char escape, boolean processQuotes) {
    return new LexerMode(escape, processQuotes, false, false, false);
  }

  /**
   * The lexer for instruction arguments in a file whose escape character is {@code escape}: quotes
   * and escapes are interpreted and removed.
   *
   * @param escape {@code \} or {@code `}, as {@link ParsedFile#escape()} gives it
   * @throws IllegalArgumentException for any other character
   */
  public static ShellLexer withEscape(char escape) {
    if (escape == '\\') {
      return BACKSLASH;
    }
    if (escape == '`') {
      return BACKTICK;
    }
    throw new IllegalArgumentException("escape must be \\ or `: " + escape);
  }

  /**
   * The lexer for the body of a COPY or ADD heredoc whose marker was not quoted. As in the
   * reference, quotes are ordinary characters (kept as written), variables are expanded, and the
   * escape is {@code \} whatever the file's escape directive says: every {@code \x} becomes {@code
   * x} (so {@code printf "a\nb"} becomes {@code printf "anb"}) and a final {@code \} is dropped.
   */
  public static ShellLexer forHeredocBody() {
    return HEREDOC_BODY;
  }

  /**
   * This lexer, but quote characters stay in the output (they still group: whitespace inside them
   * does not split words). BuildKit's {@code RawQuotes}, used to find heredoc markers.
   */
  public ShellLexer keepingQuotes() {
    return new ShellLexer(
        new LexerMode(
            mode.escape(), mode.processQuotes(), true, mode.rawEscapes(), mode.keepUnset()));
  }

  /**
   * This lexer, but escape characters stay in the output, in front of the character they escape. As
   * in the reference ({@code RawEscapes}), the operands of {@code ${v:-w}}, {@code ${v+w}} and
   * {@code ${v?w}} still drop their escapes.
   */
  public ShellLexer keepingEscapes() {
    return new ShellLexer(
        new LexerMode(
            mode.escape(), mode.processQuotes(), mode.rawQuotes(), true, mode.keepUnset()));
  }

  /**
   * This lexer, but references to unset variables stay as written ({@code $X}, {@code ${X}}, {@code
   * ${X:-w}} with {@code w} expanded; {@code ${X//p/r}} comes back as {@code ${X/p/r}}, as in the
   * reference) and {@code ${X?}} does not fail for them. BuildKit's {@code SkipUnsetEnv}, used to
   * read heredoc names.
   */
  public ShellLexer keepingUnsetVariables() {
    return new ShellLexer(
        new LexerMode(
            mode.escape(), mode.processQuotes(), mode.rawQuotes(), mode.rawEscapes(), true));
  }

  /** The escape character: {@code \} or {@code `}. */
  public char escape() {
    return mode.escape();
  }

  /** Whether quotes are interpreted; false only for {@link #forHeredocBody()}. */
  public boolean processesQuotes() {
    return mode.processQuotes();
  }

  /**
   * Expands one word without splitting it (BuildKit's {@code ProcessWord}), as for ENV values,
   * WORKDIR, USER or COPY paths. Whitespace, quoted or not, is kept.
   *
   * @param word the word as written; never null
   * @param variables where names are looked up; never null
   * @return the expanded word and the names it looked up
   * @throws ExpansionException for a malformed word or a failing {@code ${NAME?message}}
   */
  public Expansion processWord(String word, Variables variables) throws ExpansionException {
    Objects.requireNonNull(variables, "variables");
    if (isLiteral(word)) {
      return new Expansion(word, Set.of(), Set.of());
    }
    WordScanner.Scanned scanned = scan(word, variables);
    return new Expansion(scanned.text(), scanned.used(), scanned.unset());
  }

  /**
   * Expands a text and splits it into words (BuildKit's {@code ProcessWords}), as for EXPOSE.
   * Unquoted whitespace separates words, including whitespace that comes from an unquoted
   * expansion; quoted text and escaped characters never split; no word is empty, so {@code a "" b}
   * gives {@code a}, {@code b}. {@code <<} followed by spaces or tabs stays one word with what
   * follows, as the reference needs to find heredoc markers written {@code << EOF}.
   *
   * @param text the text as written; never null
   * @param variables where names are looked up; never null
   * @return the words and the names looked up
   * @throws ExpansionException for a malformed text or a failing {@code ${NAME?message}}
   */
  public Expansions processWords(String text, Variables variables) throws ExpansionException {
    WordScanner.Scanned scanned = scan(text, variables);
    return new Expansions(scanned.words().words(), scanned.used(), scanned.unset());
  }

  /** Whether the word has nothing to expand or remove, the common case of a plain path. */
  private boolean isLiteral(String word) {
    if (word.startsWith("\ufeff")) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '$' || c == mode.escape() || (mode.processQuotes() && (c == '\'' || c == '"'))) {
        return false;
      }
    }
    return true;
  }

  private WordScanner.Scanned scan(String word, Variables variables) throws ExpansionException {
    Objects.requireNonNull(word, "word");
    Objects.requireNonNull(variables, "variables");
    return WordScanner.scan(word, mode, variables);
  }

  @Override
  public String toString() {
    return "shell lexer " + mode;
  }
}
