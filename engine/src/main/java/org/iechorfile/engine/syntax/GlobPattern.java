package org.iechorfile.engine.syntax;

import java.util.HashMap;
import java.util.Map;

/**
 * A shell pattern from {@code ${v#p}}, {@code ${v%p}} and {@code ${v/p/r}}: {@code *} matches any
 * run of characters, {@code ?} one character, {@code \*}, {@code \?} and {@code \\} are literal,
 * {@code \}} and {@code \/} are a literal {@code }} or {@code /}; there are no bracket expressions.
 * As in the reference builder (which turns the pattern into a Go regular expression without the
 * {@code s} flag), {@code *} and {@code ?} never match a line feed.
 *
 * <p>Matching simulates the pattern's automaton with a bit set of states, one pass over the text,
 * so it takes time proportional to text length times pattern length / 64 whatever the input; there
 * is no backtracking. For these patterns (literals, {@code ?} and {@code *} only), the leftmost
 * match a backtracking engine with greedy stars would find is the longest one, and with lazy stars
 * the shortest one, which is what {@link #matchPrefix} computes.
 */
final class GlobPattern {

  /** The pattern could not be compiled; the message says why. */
  static final class InvalidPatternException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidPatternException(String message) {
      super(message);
    }
  }

  private static final int LITERAL = 0;
  private static final int ANY = 1;
  private static final int STAR = 2;
  private static final int BYTE_ORDER_MARK = 0xfeff;

  private final int atoms;
  private final int[] kinds;
  private final int[] chars;
  private final long[] anyMask;
  private final long[] starMask;
  private final Map<Integer, long[]> literalMasks = new HashMap<>();
  private final long[] start;

  private GlobPattern(int[] kinds, int[] chars, int atoms) {
    this.atoms = atoms;
    this.kinds = kinds;
    this.chars = chars;
    int words = (atoms + 1 + 63) / 64;
    anyMask = new long[words];
    starMask = new long[words];
    for (int i = 0; i < atoms; i++) {
      long bit = 1L << (i & 63);
      switch (kinds[i]) {
        case ANY -> anyMask[i >>> 6] |= bit;
        case STAR -> starMask[i >>> 6] |= bit;
        default -> literalMasks.computeIfAbsent(chars[i], c -> new long[words])[i >>> 6] |= bit;
      }
    }
    start = new long[words];
    start[0] = 1L;
    closeOverStars(start);
  }

  /**
   * Compiles a pattern as the reference does. A leading U+FEFF is ignored, as Go's text scanner
   * does.
   *
   * @throws InvalidPatternException for a {@code \} before anything but {@code * ? \ } /}
   */
  static GlobPattern compile(String pattern) throws InvalidPatternException {
    int[] cps = pattern.codePoints().toArray();
    int[] kinds = new int[cps.length];
    int[] chars = new int[cps.length];
    int atoms = 0;
    int i = cps.length > 0 && cps[0] == BYTE_ORDER_MARK ? 1 : 0;
    while (i < cps.length) {
      int tok = cps[i++];
      if (tok == '*') {
        if (atoms == 0 || kinds[atoms - 1] != STAR) {
          kinds[atoms++] = STAR; // "**" matches what "*" matches
        }
        continue;
      }
      if (tok == '?') {
        kinds[atoms++] = ANY;
        continue;
      }
      if (tok == '\\') {
        if (i < cps.length && (cps[i] == '}' || cps[i] == '/')) {
          continue; // the escape only kept } or / from ending the ${...}; the next char is literal
        }
        if (i == cps.length) {
          throw new InvalidPatternException("invalid escape '\\' at the end of the pattern");
        }
        tok = cps[i++];
        if (tok != '*' && tok != '?' && tok != '\\') {
          throw new InvalidPatternException("invalid escape '\\" + Character.toString(tok) + "'");
        }
      }
      kinds[atoms] = LITERAL;
      chars[atoms++] = tok;
    }
    return new GlobPattern(kinds, chars, atoms);
  }

  /**
   * The pattern written backwards, escapes kept in front of the character they escape ({@code a\*c}
   * becomes {@code c\*a}), exactly as the reference reverses it to remove suffixes; a lone {@code
   * \} at the end moves to the front.
   */
  static String reverse(String pattern) {
    int[] cps = pattern.codePoints().toArray();
    int[] out = new int[cps.length];
    int last = cps.length - 1;
    int i = 0;
    while (i <= last) {
      int outIndex = last - i;
      if (cps[i] == '\\' && i != last) {
        out[outIndex - 1] = cps[i];
        out[outIndex] = cps[i + 1];
        i += 2;
      } else {
        out[outIndex] = cps[i];
        i++;
      }
    }
    return new String(out, 0, out.length);
  }

  /** The same pattern read from its end: matches exactly the reversed texts this one matches. */
  GlobPattern reversed() {
    int[] kinds = new int[atoms];
    int[] chars = new int[atoms];
    for (int i = 0; i < atoms; i++) {
      int from = atoms - 1 - i;
      kinds[i] = this.kinds[from];
      chars[i] = this.chars[from];
    }
    return new GlobPattern(kinds, chars, atoms);
  }

  /**
   * Where a match starting at {@code from} ends: the longest match, or the shortest; -1 when the
   * pattern matches no prefix of {@code text[from..]}.
   */
  int matchPrefix(int[] text, int from, boolean longest) {
    long[] current = start.clone();
    long[] next = new long[current.length];
    int end = -1;
    if (accepts(current)) {
      end = from;
      if (!longest) {
        return end;
      }
    }
    for (int p = from; p < text.length; p++) {
      step(current, text[p], next);
      long[] swap = current;
      current = next;
      next = swap;
      if (isEmpty(current)) {
        break;
      }
      if (accepts(current)) {
        end = p + 1;
        if (!longest) {
          return end;
        }
      }
    }
    return end;
  }

  /**
   * For each position {@code s} in {@code 0..text.length}, whether some match starts there. Must be
   * called on the {@link #reversed()} pattern: it scans the text from its end.
   */
  boolean[] matchStartsOfReversed(int[] text) {
    boolean[] starts = new boolean[text.length + 1];
    long[] current = start.clone();
    long[] next = new long[current.length];
    starts[text.length] = accepts(current);
    for (int p = text.length - 1; p >= 0; p--) {
      step(current, text[p], next);
      for (int w = 0; w < next.length; w++) {
        next[w] |= start[w];
      }
      long[] swap = current;
      current = next;
      next = swap;
      starts[p] = accepts(current);
    }
    return starts;
  }

  private void step(long[] current, int ch, long[] next) {
    long[] literal = literalMasks.get(ch);
    boolean lineFeed = ch == '\n';
    long carry = 0;
    for (int w = 0; w < current.length; w++) {
      long advancing =
          current[w] & ((literal == null ? 0 : literal[w]) | (lineFeed ? 0 : anyMask[w]));
      next[w] = (advancing << 1) | carry | (lineFeed ? 0 : current[w] & starMask[w]);
      carry = advancing >>> 63;
    }
    closeOverStars(next);
  }

  /** A star may match nothing: being before it is also being after it. Stars never follow stars. */
  private void closeOverStars(long[] states) {
    long carry = 0;
    for (int w = 0; w < states.length; w++) {
      long stars = states[w] & starMask[w];
      long shifted = (stars << 1) | carry;
      carry = stars >>> 63;
      states[w] |= shifted;
    }
  }

  private boolean accepts(long[] states) {
    return (states[atoms >>> 6] & (1L << (atoms & 63))) != 0;
  }

  private static boolean isEmpty(long[] states) {
    for (long w : states) {
      if (w != 0) {
        return false;
      }
    }
    return true;
  }
}
