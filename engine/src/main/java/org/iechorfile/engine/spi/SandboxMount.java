package org.iechorfile.engine.spi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An extra mount inside the sandbox for one command ({@code RUN --mount}). Targets are absolute
 * paths inside the image; a missing target is created for the command and never kept in the layer.
 */
public sealed interface SandboxMount {

  /** The absolute path inside the image. */
  String target();

  /**
   * A host directory or file bound at {@code target}.
   *
   * @param source the host path
   * @param target the absolute path inside the image
   * @param readOnly whether writes are refused
   */
  record Bind(Path source, String target, boolean readOnly) implements SandboxMount {
    public Bind {
      Objects.requireNonNull(source, "source");
      requireAbsolute(target);
    }
  }

  /**
   * An empty tmpfs at {@code target}.
   *
   * @param target the absolute path inside the image
   * @param sizeBytes the size limit, or 0 for the kernel's default
   */
  record Tmpfs(String target, long sizeBytes) implements SandboxMount {
    public Tmpfs {
      requireAbsolute(target);
      if (sizeBytes < 0) {
        throw new IllegalArgumentException("size must not be negative: " + sizeBytes);
      }
    }
  }

  private static void requireAbsolute(String target) {
    Objects.requireNonNull(target, "target");
    if (!target.startsWith("/") || target.equals("/")) {
      throw new IllegalArgumentException(
          "mount target must be an absolute path below /: " + target);
    }
  }
}
