package org.iechorfile.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iechorfile.engine.command.catalogue.CommandCatalogue;

/**
 * The one source of the front ends' interactive features: whether input is complete, highlight
 * tokens, completions and documentation. Input is a notebook cell or a REPL buffer: iEchorfile
 * instructions and {@code %} command lines, mixed.
 *
 * <p>Every method is pure (no I/O besides what the {@link CompletionSource} does), never throws for
 * any input or cursor, and reports offsets in Unicode code points. Instances are immutable; they
 * are as thread-safe as their completion source.
 */
public final class Analysis {

  private final CompletionSource source;
  private final HelpDesk helpDesk = new HelpDesk();

  /**
   * An analysis whose completions also draw on {@code source} (image paths, context paths, stages,
   * store images, variables).
   *
   * @param source what completion knows beyond the text; not null
   */
  public Analysis(CompletionSource source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * Reads the bundled instruction manual and {@code %} command catalogue now, so that the first
   * help, completion or command does not wait for them. Front ends call it on a background thread
   * while their prompt comes up; calling it more than once costs nothing.
   */
  public static void preload() {
    Manual.standard();
    CommandCatalogue.standard();
  }

  /** An analysis that knows only the text and the catalogues. */
  public static Analysis standalone() {
    return new Analysis(CompletionSource.empty());
  }

  /**
   * Whether {@code input} is ready to run. Incomplete input ends in a continuation escape, inside a
   * heredoc body or inside a JSON array; a final blank line after a continuation escape completes
   * it, as the end of a file does. A {@code %} command is always one line. A JSON array may go on
   * over several lines without escapes; {@link Completeness#source()} then holds the text with the
   * escapes added, which is what should be applied. Invalid input has errors no further line can
   * fix (an unknown instruction or command, a bad parser directive, a JSON array of non-strings);
   * finer checks happen when the input is applied.
   *
   * @param input the cell or buffer; not null
   * @return the verdict, with what is awaited or what is wrong
   */
  public Completeness analyzeCompleteness(String input) {
    return CompletenessCheck.judge(input, CellScanner.scan(input));
  }

  /**
   * The highlight tokens of {@code input}, in order and not overlapping: keywords in any case,
   * flags and their values, strings, variables, comments, directives, heredoc markers and bodies,
   * {@code %} commands and their options, numbers, operators and punctuation.
   *
   * @param input the cell or buffer; not null
   * @return the tokens; text between them is plain
   */
  public List<Token> tokens(String input) {
    return Highlighter.tokens(CellScanner.scan(input));
  }

  /**
   * The completions for the word before {@code cursor}: instruction keywords (upper case, with a
   * trailing space) and {@code %} commands at the start of a line; the flags of the instruction
   * being typed and their values where those form a fixed list (including {@code --mount} fields);
   * {@code $VAR} and {@code ${VAR}} from the text's ARG and ENV and from the source; stage names;
   * and, from the source, image paths, context paths, host paths and store images where the
   * instruction or command takes them.
   *
   * @param input the cell or buffer; not null
   * @param cursor code-point offset of the cursor; clamped to the input
   * @return the candidates and the range they replace (ending at the cursor)
   */
  public Completions complete(String input, int cursor) {
    int at = clamp(input, cursor);
    return new Completer(CellScanner.scan(input), source).complete(at);
  }

  /**
   * The documentation of a topic: an instruction ({@code RUN}), an instruction and one of its flags
   * ({@code RUN --mount}, {@code RUN --mount=type=cache} for a mount type), a flag alone ({@code
   * --chmod}), a {@code %} command ({@code %undo} or {@code undo}) or a parser directive ({@code
   * escape}, {@code # escape}); an empty topic gives the overview of all of them.
   *
   * @param topic the topic as typed after {@code %help}; not null
   * @return the documentation, or empty when the topic is unknown
   */
  public Optional<Documentation> help(String topic) {
    return helpDesk.help(topic);
  }

  /**
   * The documentation of what is under {@code cursor}: the keyword, the flag (or mount type), the
   * {@code %} command or the parser directive, falling back to the instruction or command the
   * cursor is in.
   *
   * @param input the cell or buffer; not null
   * @param cursor code-point offset of the cursor; clamped to the input
   * @return the documentation, or empty when the cursor is on nothing documented
   */
  public Optional<Documentation> inspect(String input, int cursor) {
    return helpDesk.inspect(CellScanner.scan(input), clamp(input, cursor));
  }

  /**
   * The image path under {@code cursor}, for showing what is at it: a word starting with {@code /}
   * anywhere (a RUN command line, a COPY destination, an ENV value), or a relative word where an
   * instruction or command takes an image path (WORKDIR, the destination of COPY and ADD, the
   * argument of {@code %ls}, {@code %cat}, {@code %tree}, {@code %stat}, {@code %du}); relative
   * paths are relative to the image's WORKDIR. Words with variables give nothing.
   *
   * @param input the cell or buffer; not null
   * @param cursor code-point offset of the cursor; clamped to the input
   * @return the path as written, or empty when the cursor is on no path
   */
  public Optional<String> pathAt(String input, int cursor) {
    return PathWords.at(input, clamp(input, cursor));
  }

  /**
   * The instructions and {@code %} command lines of {@code input}, in order, each ready to apply on
   * its own: what a script or a notebook cell runs. Comments and blank lines are dropped; parser
   * directives at the top are repeated before each instruction; JSON arrays continued over lines
   * get their joining escapes. Incomplete input gives its open instruction as it stands (applying
   * it reports what is missing).
   *
   * @param input the cell, buffer or script; not null
   * @return the segments, in input order
   */
  public List<Segment> segments(String input) {
    return Segments.of(input);
  }

  private static int clamp(String input, int cursor) {
    return Math.max(0, Math.min(cursor, input.codePointCount(0, input.length())));
  }
}
