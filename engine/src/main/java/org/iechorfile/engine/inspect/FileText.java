package org.iechorfile.engine.inspect;

import java.util.Objects;

/**
 * The content of a file for {@code %cat}.
 *
 * @param path the absolute image path read
 * @param text the content decoded as UTF-8 (up to the limit); empty for binary files
 * @param binary whether the file looks binary (a NUL byte or invalid UTF-8 near its start)
 * @param size the file's whole size in bytes
 * @param truncated whether {@code text} stops before the end of the file
 */
public record FileText(String path, String text, boolean binary, long size, boolean truncated) {
  public FileText {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
  }
}
