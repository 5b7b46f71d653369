package org.iechorfile.engine.syntax;

/**
 * One pending call of the reference lexer's recursion, kept on {@link WordScanner}'s explicit
 * stack.
 */
abstract class ScanFrame {

  /** Where the construct begins in the word, in code points. */
  final int start;

  ScanFrame(int start) {
    this.start = start;
  }

  /** Text up to a stop character; only the whole word's segment splits into words. */
  static final class Segment extends ScanFrame {
    final int stop;
    final boolean rawEscapes;
    final StringBuilder out = new StringBuilder();
    private final WordSplitter words;

    Segment(int start, int stop, boolean rawEscapes, boolean splitsWords) {
      super(start);
      this.stop = stop;
      this.rawEscapes = rawEscapes;
      this.words = splitsWords ? new WordSplitter() : null;
    }

    /** The words of the whole word's segment; only that segment has them. */
    WordSplitter splitter() {
      if (words == null) {
        throw new IllegalStateException("only the outermost segment splits words");
      }
      return words;
    }

    /** An unquoted, unescaped character: whitespace splits words. */
    void literal(int ch) {
      out.appendCodePoint(ch);
      if (words != null) {
        words.addChar(ch);
      }
    }

    /** An escaped character (or a kept escape): never splits. */
    void raw(int ch) {
      out.appendCodePoint(ch);
      if (words != null) {
        words.addRawChar(ch);
      }
    }

    /** Quoted text: never splits. */
    void quoted(String text) {
      out.append(text);
      if (words != null) {
        words.addRawString(text);
      }
    }

    /** The value of an unquoted expansion: its whitespace splits words. */
    void expansion(String value) {
      out.append(value);
      if (words != null) {
        words.addString(value);
      }
    }
  }

  static final class DoubleQuoted extends ScanFrame {
    final boolean rawEscapes;
    final StringBuilder out = new StringBuilder();

    DoubleQuoted(int start, boolean rawEscapes) {
      super(start);
      this.rawEscapes = rawEscapes;
    }
  }

  enum Phase {
    OPERAND,
    PATTERN,
    REPLACEMENT
  }

  static final class Braced extends ScanFrame {
    final String name;
    final int modifier;
    final String modifierText;
    final int modifierAt;
    final boolean nullIsUnset;
    final boolean replaceAll;
    Phase phase;
    String pattern = "";

    Braced(int start, String name, int modifier, String modifierText, int modifierAt) {
      super(start);
      this.name = name;
      this.modifier = modifier;
      this.modifierText = modifierText;
      this.modifierAt = modifierAt;
      this.nullIsUnset = modifierText.startsWith(":");
      this.replaceAll = modifierText.equals("//");
      this.phase = modifier == '/' ? Phase.PATTERN : Phase.OPERAND;
    }
  }
}
