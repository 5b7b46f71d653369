package org.iechorfile.engine.spi;

import java.nio.file.Path;
import java.util.List;
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
   * A directory or file of another filesystem made of layers (an earlier stage, an image) bound at
   * {@code target}, as {@code RUN --mount=type=bind,from=STAGE} does. The layers are stacked in an
   * overlay of their own; when not read-only, writes go to a throwaway upper directory and are gone
   * when the command ends, both from the layers and from the command's own new layer.
   *
   * @param layers the layers as names relative to the request's layers directory, topmost first;
   *     may be empty (an empty filesystem)
   * @param source the absolute path inside that filesystem, {@code /} for its root; must exist and
   *     must not pass through a symbolic link
   * @param target the absolute path inside the image
   * @param readOnly whether writes are refused
   */
  record LayerBind(List<String> layers, String source, String target, boolean readOnly)
      implements SandboxMount {
    public LayerBind {
      layers = List.copyOf(layers);
      for (String layer : layers) {
        if (layer.isEmpty() || layer.contains(",") || layer.contains(":")) {
          throw new IllegalArgumentException("layer names may not contain ',' or ':': " + layer);
        }
      }
      Objects.requireNonNull(source, "source");
      if (!source.startsWith("/")) {
        throw new IllegalArgumentException("bind source must be an absolute path: " + source);
      }
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
