package org.iechorfile.engine.inspect;

import java.util.Objects;

/**
 * What to show for the cursor in a REPL line or a notebook cell: the documentation of the
 * instruction, flag, {@code %} command or directive under it, or what is at the image path under
 * it.
 *
 * @param kind whether this documents the language or reports an image path
 * @param topic what is shown: the documented topic ({@code RUN --mount}) or the absolute path
 * @param plainText the text for terminals and {@code text/plain} outputs; ends in a newline
 * @param markdown the text for {@code text/markdown} outputs in notebooks
 */
public record CursorHelp(Kind kind, String topic, String plainText, String markdown) {

  /** What a {@link CursorHelp} shows. */
  public enum Kind {
    /** The documentation of a keyword, flag, mount type, {@code %} command or directive. */
    DOCUMENTATION,
    /** What is at an image path in the session's current image. */
    PATH
  }

  public CursorHelp {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(plainText, "plainText");
    Objects.requireNonNull(markdown, "markdown");
  }
}
