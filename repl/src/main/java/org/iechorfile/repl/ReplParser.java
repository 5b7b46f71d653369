package org.iechorfile.repl;

import java.util.List;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.Completeness;
import org.iechorfile.engine.Completions;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;

/**
 * Reads the REPL buffer with the analysis: when accepting a line, incomplete input (a continuation
 * escape, an open heredoc, an unterminated JSON array) throws {@link EOFError} so that JLine asks
 * for the next line with a continuation prompt naming what is awaited; when completing, the word is
 * the range the analysis's completions replace. Word splitting otherwise is {@link
 * DefaultParser}'s.
 */
final class ReplParser implements Parser {

  private final Analysis analysis;
  private final DefaultParser words = new DefaultParser();

  ReplParser(Analysis analysis) {
    this.analysis = analysis;
    words.setEofOnUnclosedQuote(false);
    words.setEofOnEscapedNewLine(false);
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.COMPLETE) {
      Completions completions = analysis.complete(line, Offsets.codePoints(line, cursor));
      int start = Offsets.charIndex(line, completions.start());
      return new WordAt(line, cursor, start);
    }
    if (context == ParseContext.ACCEPT_LINE || context == ParseContext.SECONDARY_PROMPT) {
      Completeness verdict = analysis.analyzeCompleteness(line);
      if (verdict.status() == Completeness.Status.INCOMPLETE) {
        throw new EOFError(-1, -1, "incomplete input", "… " + verdict.awaiting());
      }
    }
    return words.parse(line, cursor, ParseContext.SPLIT_LINE);
  }

  /** The buffer with the word being completed running from {@code start} to the cursor. */
  private record WordAt(String line, int cursor, int start) implements CompletingParsedLine {

    @Override
    public String word() {
      return line.substring(start, cursor);
    }

    @Override
    public int wordCursor() {
      return cursor - start;
    }

    @Override
    public int wordIndex() {
      return 0;
    }

    @Override
    public List<String> words() {
      return List.of(word());
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate;
    }

    @Override
    public int rawWordCursor() {
      return wordCursor();
    }

    @Override
    public int rawWordLength() {
      return cursor - start;
    }
  }
}
