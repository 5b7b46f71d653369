package org.iechorfile.engine.instruction;

import java.util.Objects;

/**
 * A COPY or ADD source written as a heredoc: a file named after the heredoc word with the body as
 * its content.
 *
 * @param name the file name (the heredoc word without quotes)
 * @param content the body, with leading tabs already removed for {@code <<-}
 * @param expand whether the builder expands variables in the body (the marker was not quoted)
 */
public record HeredocSource(String name, String content, boolean expand) {

  public HeredocSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
  }
}
