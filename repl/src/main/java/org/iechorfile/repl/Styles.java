package org.iechorfile.repl;

import java.util.Map;
import org.iechorfile.engine.Token;
import org.jline.utils.AttributedStyle;

/**
 * The REPL's colours, or none: off when the output is not a terminal, when the terminal is dumb, or
 * when {@code NO_COLOR} is set (https://no-color.org).
 */
public record Styles(boolean colour) {

  /** Whether colour suits {@code environment} and a terminal of {@code type}. */
  public static Styles forTerminal(
      String type, boolean interactive, Map<String, String> environment) {
    boolean noColor = !environment.getOrDefault("NO_COLOR", "").isEmpty();
    boolean dumb = type == null || type.startsWith("dumb");
    return new Styles(interactive && !dumb && !noColor);
  }

  /** No colour at all. */
  public static Styles plain() {
    return new Styles(false);
  }

  AttributedStyle token(Token.Kind kind) {
    if (!colour) {
      return AttributedStyle.DEFAULT;
    }
    return switch (kind) {
      case KEYWORD, COMMAND -> AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
      case UNKNOWN_KEYWORD, UNKNOWN_COMMAND ->
          AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
      case FLAG, OPTION -> AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
      case FLAG_VALUE, NUMBER -> AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
      case STRING, HEREDOC_BODY -> AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
      case VARIABLE -> AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
      case COMMENT, DIRECTIVE ->
          AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic();
      case HEREDOC_MARKER -> AttributedStyle.BOLD.foreground(AttributedStyle.GREEN);
      case OPERATOR, PUNCTUATION -> AttributedStyle.DEFAULT.foreground(AttributedStyle.WHITE);
    };
  }

  String error(String text) {
    return paint(text, "31");
  }

  String ok(String text) {
    return paint(text, "32");
  }

  String warning(String text) {
    return paint(text, "33");
  }

  String dim(String text) {
    return paint(text, "2");
  }

  String bold(String text) {
    return paint(text, "1");
  }

  private String paint(String text, String code) {
    return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
