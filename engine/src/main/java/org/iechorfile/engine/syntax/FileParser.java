package org.iechorfile.engine.syntax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.SourceSpan;

/**
 * One pass over a whole text: physical lines, directives, comments, continuations, instructions and
 * heredoc bodies. Single use; {@link LineParser} is the public face.
 */
final class FileParser {

  /** The longest physical line the reference scanner accepts, in UTF-8 bytes. */
  static final int MAX_LINE_BYTES = 65535;

  private final String text;
  private final DirectiveScanner directives = new DirectiveScanner();
  private final List<Node> nodes = new ArrayList<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private List<String> comments = new ArrayList<>();
  private boolean instructionSeen;
  private OpenInput open = OpenInput.CLOSED;

  // The current physical line: [lineStart, contentEnd) is its text without trailing CR/LF,
  // lineEnd is just after its LF (or the end of the text).
  private int lineNo;
  private int lineStart;
  private int contentEnd;
  private int lineEnd;
  private int nextStart;
  private boolean tooLong;
  // Whether any line of the instruction being read was too long (it then yields no node).
  private boolean longLineInInstruction;

  FileParser(String text) {
    this.text = text;
    this.nextStart = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
  }

  /** Parses the whole text. */
  ParsedFile parse() {
    while (nextLine()) {
      int first = GoText.skipSpace(text, lineStart, contentEnd);
      boolean comment = first < contentEnd && text.charAt(first) == '#';
      if (comment) {
        noteComment(first);
      }
      if (!directives.done()) {
        directive(first);
      }
      if (!comment && first < contentEnd) {
        instruction(first);
      }
    }
    if (!instructionSeen) {
      diagnostics.add(
          Diagnostic.error(
              "file with no instructions; add an instruction such as FROM",
              SourceSpan.lines(1, Math.max(1, lineNo))));
    }
    // Warnings about a line inside an instruction are found before the instruction's own errors;
    // a stable sort restores source order.
    diagnostics.sort(
        Comparator.comparingInt((Diagnostic d) -> d.span().startLine())
            .thenComparingInt(d -> d.span().startColumn()));
    return new ParsedFile(directives.values(), directives.escape(), nodes, diagnostics);
  }

  /** What is still open at the end of the text; valid after {@link #parse()}. */
  OpenInput open() {
    return open;
  }

  private boolean nextLine() {
    if (nextStart >= text.length()) {
      return false;
    }
    lineStart = nextStart;
    int lf = text.indexOf('\n', lineStart);
    lineEnd = lf < 0 ? text.length() : lf + 1;
    int end = lf < 0 ? text.length() : lf;
    while (end > lineStart && (text.charAt(end - 1) == '\r' || text.charAt(end - 1) == '\n')) {
      end--;
    }
    contentEnd = end;
    nextStart = lineEnd;
    lineNo++;
    tooLong = exceedsLineLimit(lineStart, contentEnd);
    longLineInInstruction |= tooLong;
    if (tooLong) {
      diagnostics.add(
          Diagnostic.error(
              "dockerfile line greater than max allowed size of "
                  + MAX_LINE_BYTES
                  + "; split the line with line continuations",
              lineSpan()));
    }
    return true;
  }

  /** Whether {@code text[from, to)} is longer than {@link #MAX_LINE_BYTES} in UTF-8. */
  private boolean exceedsLineLimit(int from, int to) {
    if (to - from <= MAX_LINE_BYTES / 3) {
      return false;
    }
    int bytes = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < to) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes > MAX_LINE_BYTES;
  }

  private void noteComment(int hash) {
    String comment = GoText.trim(text.substring(hash + 1, contentEnd));
    if (comment.isEmpty()) {
      comments = new ArrayList<>();
    } else {
      comments.add(comment);
    }
  }

  private void directive(int first) {
    switch (directives.scan(text, first, contentEnd)) {
      case DIRECTIVE:
        comments.remove(comments.size() - 1);
        break;
      case INVALID:
        diagnostics.add(
            Diagnostic.error(
                directives.error(),
                new SourceSpan(lineNo, column(first), lineNo, column(contentEnd))));
        break;
      default:
        break;
    }
  }

  /** An instruction whose first physical line is the current one, starting at {@code first}. */
  private void instruction(int first) {
    instructionSeen = true;
    Start start = new Start(lineNo, first, column(first));
    longLineInInstruction = tooLong;
    StringBuilder line = new StringBuilder();
    int fragmentEnd = continuationEnd(first);
    boolean continues = fragmentEnd >= 0;
    line.append(text, first, continues ? fragmentEnd : contentEnd);
    SourceSpan emptyLine = null;
    while (continues && nextLine()) {
      int nonBlank = GoText.skipSpace(text, lineStart, contentEnd);
      if (nonBlank < contentEnd && text.charAt(nonBlank) == '#') {
        continue;
      }
      if (nonBlank == contentEnd) {
        emptyLine = emptyLine == null ? lineSpan() : emptyLine;
        continue;
      }
      fragmentEnd = continuationEnd(lineStart);
      continues = fragmentEnd >= 0;
      line.append(text, lineStart, continues ? fragmentEnd : contentEnd);
    }
    if (continues) {
      open = new OpenInput(OpenInput.Kind.CONTINUATION, List.of());
    }
    if (emptyLine != null) {
      diagnostics.add(
          Diagnostic.warning(
              "NoEmptyContinuation",
              "Empty continuation line found in this instruction; remove it (empty continuation"
                  + " lines will become errors in a future release)",
              emptyLine));
    }
    finish(start, line.toString());
  }

  /** Where an instruction starts. */
  private record Start(int line, int offset, int column) {}

  private void finish(Start start, String line) {
    List<String> above = comments;
    comments = new ArrayList<>();
    ArgumentRules.Outcome outcome = ArgumentRules.parse(line, directives.escape());
    if (outcome.draft().isEmpty()) {
      diagnostics.add(Diagnostic.error(outcome.error(), spanFrom(start)));
      return;
    }
    ArgumentRules.Draft draft = outcome.draft().get();
    List<Heredoc> heredocs = List.of();
    ArgumentRules.Draft effective = draft.effective();
    String command = GoText.lower(effective.keyword());
    boolean heredocCapable =
        (command.equals("run") || command.equals("copy") || command.equals("add"))
            && !effective.json();
    if (heredocCapable && line.contains("<<")) {
      HeredocMarkers.Found found = HeredocMarkers.find(line);
      if (found.error().isPresent()) {
        diagnostics.add(Diagnostic.error(found.error().get(), spanFrom(start)));
        return;
      }
      Optional<List<Heredoc>> bodies = bodies(start, found.markers());
      if (bodies.isEmpty()) {
        return;
      }
      heredocs = bodies.get();
    }
    if (!longLineInInstruction) {
      nodes.add(node(draft, heredocs, start, above));
    }
  }

  /** Reads one body per marker; empty (with an error reported) when one is unterminated. */
  private Optional<List<Heredoc>> bodies(Start start, List<HeredocMarkers.Marker> markers) {
    List<Heredoc> out = new ArrayList<>(markers.size());
    for (int m = 0; m < markers.size(); m++) {
      HeredocMarkers.Marker marker = markers.get(m);
      StringBuilder body = new StringBuilder();
      boolean terminated = false;
      while (nextLine()) {
        if (isTerminator(marker)) {
          terminated = true;
          break;
        }
        body.append(text, lineStart, lineEnd);
      }
      if (!terminated) {
        List<String> awaited = new ArrayList<>();
        for (int k = m; k < markers.size(); k++) {
          awaited.add(markers.get(k).name());
        }
        if (open.kind() == OpenInput.Kind.NONE) {
          open = new OpenInput(OpenInput.Kind.HEREDOC, awaited);
        }
        diagnostics.add(
            Diagnostic.error(
                "unterminated heredoc; add a line containing only " + marker.name() + " to end it",
                spanFrom(start)));
        return Optional.empty();
      }
      out.add(
          new Heredoc(
              marker.name(),
              body.toString(),
              marker.expand(),
              marker.chomp(),
              marker.fileDescriptor()));
    }
    return Optional.of(out);
  }

  private boolean isTerminator(HeredocMarkers.Marker marker) {
    int from = lineStart;
    if (marker.chomp()) {
      while (from < contentEnd && text.charAt(from) == '\t') {
        from++;
      }
    }
    String name = marker.name();
    return contentEnd - from == name.length() && text.startsWith(name, from);
  }

  private Node node(
      ArgumentRules.Draft draft, List<Heredoc> heredocs, Start start, List<String> above) {
    SourceSpan span = spanFrom(start);
    int end = lineEnd;
    if (end > start.offset() && text.charAt(end - 1) == '\n') {
      end--;
      if (end > start.offset() && text.charAt(end - 1) == '\r') {
        end--;
      }
    }
    String original = text.substring(start.offset(), Math.max(start.offset(), end));
    List<ArgumentRules.Draft> chain = new ArrayList<>();
    for (Optional<ArgumentRules.Draft> d = Optional.of(draft); d.isPresent(); d = d.get().child()) {
      chain.add(d.get());
    }
    Node node = null;
    for (int i = chain.size() - 1; i >= 0; i--) {
      ArgumentRules.Draft d = chain.get(i);
      node =
          new Node(
              d.keyword(),
              d.flags(),
              d.args(),
              node == null ? List.of() : List.of(node),
              d.json(),
              heredocs,
              span,
              original,
              i == 0 ? above : List.of());
    }
    return node;
  }

  /**
   * Index just after the fragment of the current line (from {@code from}) when it ends in a line
   * continuation, or -1. A continuation is the escape character followed only by spaces and tabs,
   * not preceded by another escape character, or a line holding nothing else.
   */
  private int continuationEnd(int from) {
    char escape = directives.escape();
    int i = contentEnd;
    while (i > from && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
      i--;
    }
    if (i == from || text.charAt(i - 1) != escape) {
      return -1;
    }
    int escapeAt = i - 1;
    if (escapeAt == from) {
      return from;
    }
    return text.charAt(escapeAt - 1) == escape ? -1 : escapeAt;
  }

  private SourceSpan spanFrom(Start start) {
    return new SourceSpan(start.line(), start.column(), lineNo, column(contentEnd));
  }

  private SourceSpan lineSpan() {
    return new SourceSpan(lineNo, 1, lineNo, column(contentEnd));
  }

  /** The 1-based column (in code points) of {@code offset} on the current line. */
  private int column(int offset) {
    return Character.codePointCount(text, lineStart, offset) + 1;
  }
}
