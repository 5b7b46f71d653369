package org.iechorfile.engine.instruction;

import java.util.Locale;

/** The kinds of {@code RUN --mount}. */
public enum MountType {
  /** A directory of the context, a stage or an image; read-only by default. */
  BIND,
  /** A persistent cache directory; read-write. */
  CACHE,
  /** An empty in-memory file system; read-write. */
  TMPFS,
  /** A secret file or environment variable. */
  SECRET,
  /** The SSH agent socket. */
  SSH;

  /** The value as written: {@code bind}, {@code cache}, … */
  public String spelled() {
    return name().toLowerCase(Locale.ROOT);
  }
}
