package org.iechorfile.engine.inspect;

import java.util.Objects;

/**
 * One layer of the current image, for {@code %layers}.
 *
 * @param origin the step that made it
 * @param bytes the bytes of file content in it
 * @param files the files, directories, links and deletions in it
 * @param cached whether its step came from the build cache
 */
public record LayerInfo(StepOrigin origin, long bytes, long files, boolean cached) {
  public LayerInfo {
    Objects.requireNonNull(origin, "origin");
  }
}
