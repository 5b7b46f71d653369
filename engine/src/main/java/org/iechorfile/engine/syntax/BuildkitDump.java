package org.iechorfile.engine.syntax;

import java.util.List;

/**
 * Renders instructions in BuildKit's AST dump format, the format of the {@code result} files in
 * BuildKit's parser test vectors: one {@code (keyword ["flag" ...] "arg" ...)} line per
 * instruction, strings quoted exactly as Go's {@code strconv.Quote} quotes them.
 */
public final class BuildkitDump {

  private BuildkitDump() {}

  /**
   * The dump of {@code nodes} as BuildKit's {@code Node.Dump} produces it for a file: one line per
   * node, separated by line feeds, with no line feed after the last (BuildKit's {@code result}
   * files are this text plus one line feed). ONBUILD's trigger is nested as {@code (onbuild (run
   * "x"))}. Heredoc bodies, comments and positions do not appear. Pure; never returns null.
   *
   * @param nodes instructions as produced by {@link LineParser#parse(String)}
   * @return the dump text, empty for an empty list
   */
  public static String render(List<Node> nodes) {
    StringBuilder out = new StringBuilder();
    for (Node node : nodes) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append('(');
      int start = out.length();
      instruction(node, out);
      if (out.length() > start && out.charAt(start) == ' ') {
        out.deleteCharAt(start);
      }
      out.append(')');
    }
    return out.toString();
  }

  /**
   * One instruction without the surrounding parentheses: {@code run ["--network=none"] "echo hi"}.
   * Iterative over ONBUILD nesting, so long trigger chains cannot exhaust the stack.
   */
  private static void instruction(Node node, StringBuilder out) {
    int depth = 0;
    Node current = node;
    while (true) {
      out.append(GoText.lower(current.keyword()));
      if (!current.flags().isEmpty()) {
        out.append(" [");
        for (int i = 0; i < current.flags().size(); i++) {
          if (i > 0) {
            out.append(' ');
          }
          appendQuoted(current.flags().get(i), out);
        }
        out.append(']');
      }
      for (String arg : current.args()) {
        out.append(' ');
        appendQuoted(arg, out);
      }
      if (current.children().isEmpty()) {
        break;
      }
      out.append(" (");
      depth++;
      current = current.children().get(0);
    }
    for (int i = 0; i < depth; i++) {
      out.append(')');
    }
  }

  /** {@code s} quoted as Go's {@code strconv.Quote} does. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    appendQuoted(s, out);
    return out.toString();
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  static void appendQuoted(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c == '"' || c == '\\') {
        out.append('\\').append((char) c);
      } else if (c >= 0x20 && c < 0x7F) {
        out.append((char) c);
      } else if (c >= 0x80 && isPrintable(c)) {
        out.appendCodePoint(c);
      } else {
        escaped(c, out);
      }
    }
    out.append('"');
  }

  private static void escaped(int c, StringBuilder out) {
    switch (c) {
      case 0x07:
        out.append("\\a");
        return;
      case '\b':
        out.append("\\b");
        return;
      case '\f':
        out.append("\\f");
        return;
      case '\n':
        out.append("\\n");
        return;
      case '\r':
        out.append("\\r");
        return;
      case '\t':
        out.append("\\t");
        return;
      case 0x0B:
        out.append("\\v");
        return;
      default:
        break;
    }
    if (c < 0x20 || c == 0x7F) {
      hex(out.append("\\x"), c, 2);
    } else if (c < 0x10000) {
      hex(out.append("\\u"), c, 4);
    } else {
      hex(out.append("\\U"), c, 8);
    }
  }

  private static void hex(StringBuilder out, int value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.append(HEX[(value >> shift) & 0xF]);
    }
  }

  /** Go's {@code unicode.IsPrint} for non-ASCII: categories L, M, N, P and S. */
  private static boolean isPrintable(int c) {
    switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.COMBINING_SPACING_MARK:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
      case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION:
      case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION:
      case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
      case Character.MATH_SYMBOL:
      case Character.CURRENCY_SYMBOL:
      case Character.MODIFIER_SYMBOL:
      case Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }
}
