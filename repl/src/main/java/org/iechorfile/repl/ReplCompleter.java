package org.iechorfile.repl;

import java.util.List;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.Completions;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Offers the analysis's completions: instructions, flags, {@code %} commands, image and context
 * paths, stages, store images and variables. Candidates keep their own trailing space or slash.
 */
final class ReplCompleter implements Completer {

  private final Analysis analysis;

  ReplCompleter(Analysis analysis) {
    this.analysis = analysis;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    String buffer = line.line();
    Completions completions = analysis.complete(buffer, Offsets.codePoints(buffer, line.cursor()));
    for (Completions.Candidate candidate : completions.candidates()) {
      String text = candidate.text();
      String shown = text.strip();
      candidates.add(
          new Candidate(
              text,
              shown.isEmpty() ? text : shown,
              null,
              candidate.description().isEmpty() ? null : candidate.description(),
              null,
              null,
              false));
    }
  }
}
