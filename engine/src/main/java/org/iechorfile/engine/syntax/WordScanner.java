package org.iechorfile.engine.syntax;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.iechorfile.engine.syntax.ScanFrame.Braced;
import org.iechorfile.engine.syntax.ScanFrame.DoubleQuoted;
import org.iechorfile.engine.syntax.ScanFrame.Phase;
import org.iechorfile.engine.syntax.ScanFrame.Segment;

/**
 * One expansion of one word: the reference builder's recursive shell-word lexer, run as a loop over
 * an explicit stack of frames so that nesting depth is limited by memory, not by the thread's stack
 * ({@code ${a:-${a:-...}}} nested a hundred thousand deep expands like any other word).
 *
 * <p>Each frame is one of the reference's recursive calls: a {@link Segment} reads text up to a
 * stop character (the whole word, an operand up to {@code }}, a pattern up to {@code /}); a {@link
 * DoubleQuoted} reads a {@code "..."}; a {@link Braced} is a {@code ${...}} waiting for its
 * operands. The frames consume input in exactly the reference's order, so the same variables are
 * looked up in the same order and the same error wins.
 */
final class WordScanner {

  private static final int EOF = -1;
  private static final int BYTE_ORDER_MARK = 0xfeff;

  private final String word;
  private final int[] input;
  private final int escape;
  private final LexerMode mode;
  private final Variables variables;
  private final Set<String> used = new LinkedHashSet<>();
  private final Set<String> unset = new LinkedHashSet<>();
  private final Deque<ScanFrame> stack = new ArrayDeque<>();
  private int pos;

  private WordScanner(String word, LexerMode mode, Variables variables) {
    this.word = word;
    this.input = word.codePoints().toArray();
    this.escape = mode.escape();
    this.mode = mode;
    this.variables = variables;
  }

  /** The expanded text, its words, and the names looked up. */
  record Scanned(String text, WordSplitter words, Set<String> used, Set<String> unset) {}

  /** Expands {@code word} in {@code mode}. */
  static Scanned scan(String word, LexerMode mode, Variables variables) throws ExpansionException {
    return new WordScanner(word, mode, variables).run();
  }

  private Scanned run() throws ExpansionException {
    // Go's text scanner skips a byte order mark at the very start of its input.
    pos = input.length > 0 && input[0] == BYTE_ORDER_MARK ? 1 : 0;
    Segment top = new Segment(pos, EOF, mode.rawEscapes(), true);
    stack.push(top);
    try {
      while (!stack.isEmpty()) {
        ScanFrame frame = stack.peek();
        if (frame instanceof Segment segment) {
          stepSegment(segment);
        } else {
          stepDoubleQuoted((DoubleQuoted) frame);
        }
      }
    } catch (ExpansionException e) {
      throw unwind(e);
    }
    return new Scanned(top.out.toString(), top.splitter(), used, unset);
  }

  private void stepSegment(Segment segment) throws ExpansionException {
    int ch = peek();
    if (ch == EOF) {
      if (segment.stop != EOF) {
        throw error(
            "unexpected end of statement while looking for matching "
                + Character.toString(segment.stop),
            segment.start);
      }
      complete(segment, segment.out.toString());
      return;
    }
    if (segment.stop != EOF && ch == segment.stop) {
      next();
      complete(segment, segment.out.toString());
      return;
    }
    if (ch == '$') {
      startDollar(segment);
      return;
    }
    if (mode.processQuotes() && ch == '\'') {
      segment.quoted(singleQuoted());
      return;
    }
    if (mode.processQuotes() && ch == '"') {
      DoubleQuoted quoted = new DoubleQuoted(pos, segment.rawEscapes);
      stack.push(quoted);
      next();
      if (mode.rawQuotes()) {
        quoted.out.append('"');
      }
      return;
    }
    next();
    if (ch != escape) {
      segment.literal(ch);
      return;
    }
    if (segment.rawEscapes) {
      segment.raw(ch);
    }
    ch = next();
    if (ch != EOF) { // an escape at the very end is dropped
      segment.raw(ch);
    }
  }

  private void stepDoubleQuoted(DoubleQuoted quoted) throws ExpansionException {
    int ch = peek();
    if (ch == EOF) {
      throw error(
          "unexpected end of statement while looking for matching double-quote", quoted.start);
    }
    if (ch == '"') {
      next();
      if (mode.rawQuotes()) {
        quoted.out.append('"');
      }
      complete(quoted, quoted.out.toString());
      return;
    }
    if (ch == '$') {
      startDollar(quoted);
      return;
    }
    next();
    if (ch == escape) {
      // Inside double quotes the escape only escapes ", $ and itself; before anything else it
      // stays. Keeping raw escapes writes it once more here, as the reference does.
      if (quoted.rawEscapes) {
        quoted.out.appendCodePoint(ch);
      }
      int following = peek();
      if (following == EOF) {
        return;
      }
      if (following == '"' || following == '$' || following == escape) {
        ch = next();
      }
    }
    quoted.out.appendCodePoint(ch);
  }

  private String singleQuoted() throws ExpansionException {
    int open = pos;
    next();
    StringBuilder quoted = new StringBuilder();
    if (mode.rawQuotes()) {
      quoted.append('\'');
    }
    while (true) {
      int ch = next();
      if (ch == EOF) {
        throw error("unexpected end of statement while looking for matching single-quote", open);
      }
      if (ch == '\'') {
        if (mode.rawQuotes()) {
          quoted.append('\'');
        }
        return quoted.toString();
      }
      quoted.appendCodePoint(ch);
    }
  }

  /** At a {@code $}: expands {@code $name} at once, or starts a {@code ${...}} frame. */
  private void startDollar(ScanFrame parent) throws ExpansionException {
    int dollar = pos;
    next();
    if (peek() != '{') {
      String name = readName();
      deliverExpansion(parent, name.isEmpty() ? "$" : valueOr(name, "$" + name));
      return;
    }
    next();
    int first = peek();
    if (first == EOF) {
      throw error("syntax error: missing '}'", dollar);
    }
    if (first == '{' || first == '}' || first == ':') {
      throw error("syntax error: bad substitution", dollar, pos - dollar + 1);
    }
    startBraced(parent, dollar);
  }

  /** After <code>${</code> and a character that may begin a name: reads name and modifier. */
  private void startBraced(ScanFrame parent, int dollar) throws ExpansionException {
    String name = readName();
    int modifierAt = pos;
    int ch = next();
    if (ch == '}') {
      deliverExpansion(parent, valueOr(name, "${" + name + "}"));
      return;
    }
    if (ch == EOF) {
      throw error("syntax error: missing '}'", dollar);
    }
    String modifierText = Character.toString(ch);
    if (ch == ':') {
      ch = next();
      modifierText += ch == EOF ? "" : Character.toString(ch);
      if (ch == '#' || ch == '%') {
        throw error("unsupported modifier (" + modifierText + ") in substitution", modifierAt, 2);
      }
    } else if (ch == '/' && peek() == '/') {
      next();
      modifierText = "//";
    } else if (ch != '-' && ch != '+' && ch != '?' && ch != '#' && ch != '%' && ch != '/') {
      throw error("unsupported modifier (" + modifierText + ") in substitution", modifierAt, 1);
    }
    stack.push(new Braced(dollar, name, ch, modifierText, modifierAt));
    boolean rawEscapes = ch == '#' || ch == '%' || ch == '/';
    stack.push(new Segment(pos, ch == '/' ? '/' : '}', rawEscapes, false));
  }

  /** Pops a finished frame and hands its text to the frame below. */
  private void complete(ScanFrame finished, String text) throws ExpansionException {
    stack.pop();
    ScanFrame parent = stack.peek();
    if (parent == null) {
      return;
    }
    if (finished instanceof DoubleQuoted) {
      ((Segment) parent).quoted(text);
    } else {
      operandRead((Braced) parent, text);
    }
  }

  private void operandRead(Braced braced, String operand) throws ExpansionException {
    if (braced.phase == Phase.PATTERN) {
      braced.pattern = operand;
      braced.phase = Phase.REPLACEMENT;
      stack.push(new Segment(pos, '}', true, false));
      return;
    }
    stack.pop();
    Optional<String> value = lookup(braced.name);
    if (value.isEmpty() && mode.keepUnset()) {
      deliverExpansion(stack.peek(), asWritten(braced, operand));
      return;
    }
    String expanded;
    try {
      expanded =
          braced.phase == Phase.REPLACEMENT
              ? BraceModifiers.replace(value, braced.pattern, operand, braced.replaceAll)
              : BraceModifiers.apply(
                  braced.name, value, braced.modifierText, braced.nullIsUnset, operand);
    } catch (BraceModifiers.ModifierFailure failure) {
      if (failure.atModifier()) {
        throw error(failure.getMessage(), braced.modifierAt, braced.modifierText.length());
      }
      throw error(failure.getMessage(), braced.start);
    }
    deliverExpansion(stack.peek(), expanded);
  }

  /** Hands the value of a {@code $name} or {@code ${...}} to the frame it appeared in. */
  private static void deliverExpansion(ScanFrame parent, String value) {
    if (parent instanceof Segment segment) {
      segment.expansion(value);
    } else {
      ((DoubleQuoted) parent).out.append(value);
    }
  }

  /**
   * A name after {@code $}: a run of digits (positional), one special parameter character, or the
   * longest run of letters, digits and {@code _}; empty when none of these follows.
   */
  private String readName() {
    StringBuilder name = new StringBuilder();
    while (peek() != EOF) {
      int ch = peek();
      if (name.length() == 0 && Character.isDigit(ch)) {
        while (peek() != EOF && Character.isDigit(peek())) {
          name.appendCodePoint(next());
        }
        return name.toString();
      }
      if (name.length() == 0 && isSpecialParameter(ch)) {
        next();
        return Character.toString(ch);
      }
      if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
        break;
      }
      name.appendCodePoint(next());
    }
    return name.toString();
  }

  private static boolean isSpecialParameter(int ch) {
    return ch == '@' || ch == '*' || ch == '#' || ch == '?' || ch == '-' || ch == '$' || ch == '!'
        || ch == '0';
  }

  /** The variable's value; when unset, "" or, keeping unset references, {@code asWritten}. */
  private String valueOr(String name, String asWritten) {
    Optional<String> value = lookup(name);
    if (value.isPresent()) {
      return value.get();
    }
    return mode.keepUnset() ? asWritten : "";
  }

  /**
   * A {@code ${...}} of an unset variable as the reference writes it back: operands expanded, and
   * {@code //} written as {@code /}.
   */
  private static String asWritten(Braced braced, String operand) {
    if (braced.phase == Phase.REPLACEMENT) {
      return "${" + braced.name + "/" + braced.pattern + "/" + operand + "}";
    }
    return "${" + braced.name + braced.modifierText + operand + "}";
  }

  private Optional<String> lookup(String name) {
    Optional<String> value = variables.get(name);
    used.add(name);
    if (value.isEmpty()) {
      unset.add(name);
    }
    return value;
  }

  /**
   * An error inside the operand of a {@code ${...}} that left the scanner at the end of the word
   * becomes a missing {@code }} (or {@code /}) of the outermost such {@code ${...}}, as in the
   * reference: {@code ${a:-"x} and {@code ${a:-${b?}} both report the missing {@code }}.
   */
  private ExpansionException unwind(ExpansionException error) {
    if (pos < input.length) {
      return error;
    }
    ExpansionException result = error;
    for (ScanFrame frame : stack) {
      if (frame instanceof Braced braced) {
        result =
            error(
                braced.phase == Phase.PATTERN
                    ? "syntax error: missing '/' in ${}"
                    : "syntax error: missing '}'",
                braced.start);
      }
    }
    return result;
  }

  /** An error for the construct from {@code start} to where the scanner is now. */
  private ExpansionException error(String message, int start) {
    return error(message, start, pos - start);
  }

  private ExpansionException error(String message, int start, int length) {
    return new ExpansionException(message, word, start, length);
  }

  private int peek() {
    return pos < input.length ? input[pos] : EOF;
  }

  private int next() {
    return pos < input.length ? input[pos++] : EOF;
  }
}
