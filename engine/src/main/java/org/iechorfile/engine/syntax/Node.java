package org.iechorfile.engine.syntax;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.iechorfile.engine.SourceSpan;

/**
 * One instruction as the line parser sees it, before any validation or variable expansion: the
 * keyword as written, the flag words, the argument nodes (by the keyword's argument rule), the
 * heredocs, and where it came from.
 *
 * @param keyword the keyword exactly as written ({@code run}, {@code RUN}, {@code CPOY})
 * @param flags the flag words in order, quotes and escapes removed ({@code --mount=type=cache})
 * @param args the argument nodes by the keyword's rule (see BuildKit's dump format); for ONBUILD
 *     this is empty and {@code children} holds the trigger
 * @param children ONBUILD's nested instruction (zero or one element); empty for every other keyword
 * @param json whether the arguments were written as a JSON array (exec form)
 * @param heredocs the heredocs of this instruction, in marker order
 * @param span from the first character of the keyword to the end of the last physical line the
 *     instruction consumed (continuations and heredoc bodies included)
 * @param original the exact source text of the instruction, all its physical lines including
 *     comment lines inside continuations and heredoc bodies, without the final line feed
 * @param comments the comment lines directly above the instruction (text after {@code #}, trimmed),
 *     oldest first; used for {@code # check=} overrides and for export
 */
public record Node(
    String keyword,
    List<String> flags,
    List<String> args,
    List<Node> children,
    boolean json,
    List<Heredoc> heredocs,
    SourceSpan span,
    String original,
    List<String> comments) {

  public Node {
    Objects.requireNonNull(keyword, "keyword");
    flags = List.copyOf(flags);
    args = List.copyOf(args);
    children = List.copyOf(children);
    if (children.size() > 1) {
      throw new IllegalArgumentException("at most one nested instruction: " + children.size());
    }
    heredocs = List.copyOf(heredocs);
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(original, "original");
    comments = List.copyOf(comments);
  }

  /** The keyword in upper case, for matching ({@code RUN}). */
  public String command() {
    return keyword.toUpperCase(Locale.ROOT);
  }
}
