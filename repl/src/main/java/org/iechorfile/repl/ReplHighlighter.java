package org.iechorfile.repl;

import java.util.regex.Pattern;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.Token;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/** Colours the buffer from the analysis's highlight tokens. Pure: no I/O. */
final class ReplHighlighter implements Highlighter {

  private final Analysis analysis;
  private final Styles styles;

  ReplHighlighter(Analysis analysis, Styles styles) {
    this.analysis = analysis;
    this.styles = styles;
  }

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    return highlight(buffer);
  }

  AttributedString highlight(String buffer) {
    AttributedStringBuilder out = new AttributedStringBuilder(buffer.length());
    int at = 0;
    for (Token token : analysis.tokens(buffer)) {
      int start = Offsets.charIndex(buffer, token.start());
      int end = Offsets.charIndex(buffer, token.end());
      if (start < at) {
        continue;
      }
      out.append(buffer, at, start);
      out.styled(styles.token(token.kind()), buffer.substring(start, end));
      at = end;
    }
    out.append(buffer, at, buffer.length());
    return out.toAttributedString();
  }

  @Override
  public void setErrorPattern(Pattern errorPattern) {
    // Errors come from the analysis, not from a pattern.
  }

  @Override
  public void setErrorIndex(int errorIndex) {
    // Errors come from the analysis, not from an index.
  }
}
