package org.iechorfile.engine.syntax;

import java.util.Arrays;
import org.iechorfile.engine.syntax.GlobPattern.InvalidPatternException;

/**
 * The pattern modifiers of {@code ${...}}: {@code #}, {@code ##}, {@code %}, {@code %%}, {@code /}
 * and {@code //}, with the reference builder's exact results. Texts are handled as code points.
 */
final class PatternEdits {

  private PatternEdits() {}

  /**
   * {@code ${v#p}} (shortest) or {@code ${v##p}} (longest): the value without a matching prefix.
   */
  static String removePrefix(String value, String pattern, boolean longest)
      throws InvalidPatternException {
    int[] text = value.codePoints().toArray();
    int end = GlobPattern.compile(pattern).matchPrefix(text, 0, longest);
    return end < 0 ? value : new String(text, end, text.length - end);
  }

  /**
   * {@code ${v%p}} (shortest) or {@code ${v%%p}} (longest): the value without a matching suffix.
   * Like the reference, it reverses the pattern (see {@link GlobPattern#reverse}) and the value and
   * removes a prefix.
   */
  static String removeSuffix(String value, String pattern, boolean longest)
      throws InvalidPatternException {
    int[] reversed = reverse(value.codePoints().toArray());
    int end = GlobPattern.compile(GlobPattern.reverse(pattern)).matchPrefix(reversed, 0, longest);
    if (end < 0) {
      return value;
    }
    int[] kept = reverse(Arrays.copyOfRange(reversed, end, reversed.length));
    return new String(kept, 0, kept.length);
  }

  /**
   * {@code ${v/p/r}} replaces the leftmost longest match; {@code ${v//p/r}} replaces every match
   * left to right, as Go's {@code Regexp.ReplaceAllString} does: an empty match right after a match
   * is skipped, and the replacement is a Go template in which {@code $0} or {@code ${0}} is the
   * matched text and {@code $$} a dollar sign.
   */
  static String replace(String value, String pattern, String replacement, boolean all)
      throws InvalidPatternException {
    GlobPattern glob = GlobPattern.compile(pattern);
    int[] text = value.codePoints().toArray();
    boolean[] starts = glob.reversed().matchStartsOfReversed(text);
    if (!all) {
      int from = nextStart(starts, 0);
      if (from < 0) {
        return value;
      }
      int to = glob.matchPrefix(text, from, true);
      return slice(text, 0, from) + replacement + slice(text, to, text.length);
    }
    StringBuilder out = new StringBuilder(value.length());
    int searchFrom = 0;
    int lastMatchEnd = 0;
    while (searchFrom <= text.length) {
      int candidate = nextStart(starts, searchFrom);
      if (candidate < 0) {
        break;
      }
      int matchEnd = glob.matchPrefix(text, candidate, true);
      out.append(slice(text, lastMatchEnd, candidate));
      if (matchEnd > lastMatchEnd || candidate == 0) {
        expandTemplate(replacement, slice(text, candidate, matchEnd), out);
      }
      lastMatchEnd = matchEnd;
      int width = searchFrom < text.length ? 1 : 0;
      if (searchFrom + width > matchEnd) {
        searchFrom += width;
      } else if (searchFrom + 1 > matchEnd) {
        searchFrom++;
      } else {
        searchFrom = matchEnd;
      }
    }
    return out.append(slice(text, lastMatchEnd, text.length)).toString();
  }

  private static int nextStart(boolean[] starts, int from) {
    for (int i = from; i < starts.length; i++) {
      if (starts[i]) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Go's {@code Regexp.Expand} for a pattern without groups: {@code $$} is {@code $}; {@code $0}
   * and {@code ${0}} are the match; any other {@code $name} or {@code ${name}} is empty; a {@code
   * $} not followed by a name is literal.
   */
  static void expandTemplate(String template, String match, StringBuilder out) {
    int i = 0;
    int n = template.length();
    while (i < n) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) {
        break;
      }
      out.append(template, i, dollar);
      i = dollar + 1;
      if (i < n && template.charAt(i) == '$') {
        out.append('$');
        i++;
        continue;
      }
      boolean brace = i < n && template.charAt(i) == '{';
      int nameStart = brace ? i + 1 : i;
      int nameEnd = nameStart;
      while (nameEnd < n) {
        int cp = template.codePointAt(nameEnd);
        if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
          break;
        }
        nameEnd += Character.charCount(cp);
      }
      if (nameEnd == nameStart || (brace && (nameEnd >= n || template.charAt(nameEnd) != '}'))) {
        out.append('$');
        continue;
      }
      if (template.substring(nameStart, nameEnd).equals("0")) {
        out.append(match);
      }
      i = brace ? nameEnd + 1 : nameEnd;
    }
    out.append(template, i, n);
  }

  private static String slice(int[] text, int from, int to) {
    return new String(text, from, to - from);
  }

  private static int[] reverse(int[] text) {
    int[] out = new int[text.length];
    for (int i = 0; i < text.length; i++) {
      out[i] = text[text.length - 1 - i];
    }
    return out;
  }
}
