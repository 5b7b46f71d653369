package org.iechorfile.engine.syntax;

/**
 * How a {@link ShellLexer} treats quotes, escapes and unset variables; BuildKit's {@code Lex}
 * flags.
 *
 * @param escape the escape character, {@code \} or {@code `}
 * @param processQuotes whether {@code '} and {@code "} quote; false makes them ordinary characters
 *     ({@code SkipProcessQuotes})
 * @param rawQuotes whether quote characters stay in the output ({@code RawQuotes})
 * @param rawEscapes whether escape characters stay in the output ({@code RawEscapes})
 * @param keepUnset whether references to unset variables stay as written ({@code SkipUnsetEnv})
 */
record LexerMode(
    char escape, boolean processQuotes, boolean rawQuotes, boolean rawEscapes, boolean keepUnset) {

  LexerMode {
    if (escape != '\\' && escape != '`') {
      throw new IllegalArgumentException("escape must be \\ or `: " + escape);
    }
  }
}
