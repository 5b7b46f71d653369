package org.iechorfile.engine.syntax;

import java.util.Objects;

/**
 * A heredoc attached to a RUN, COPY or ADD instruction ({@code <<EOF}, {@code <<-EOF}, {@code
 * <<"EOF"}, {@code 3<<EOF}).
 *
 * @param name the terminator word with quotes removed ({@code EOF})
 * @param body the raw body lines, each ending in a line feed, without the terminator line; for
 *     {@code <<-} the leading tabs are still present (they are removed when the body is used)
 * @param expand whether the builder expands variables in the body (false when any part of the
 *     marker was quoted)
 * @param chomp whether the marker was {@code <<-}, which strips leading tabs
 * @param fileDescriptor the file descriptor written before {@code <<}, or 0 when there was none
 */
public record Heredoc(String name, String body, boolean expand, boolean chomp, int fileDescriptor) {

  public Heredoc {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(body, "body");
    if (fileDescriptor < 0) {
      throw new IllegalArgumentException("file descriptor must not be negative: " + fileDescriptor);
    }
  }

  /** The body as the instruction uses it: for {@code <<-}, leading tabs removed from each line. */
  public String effectiveBody() {
    if (!chomp) {
      return body;
    }
    return body.replaceAll("(?m)^\t+", "");
  }
}
