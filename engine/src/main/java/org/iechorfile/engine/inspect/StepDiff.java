package org.iechorfile.engine.inspect;

import java.util.List;
import java.util.Objects;
import org.iechorfile.engine.ConfigChange;
import org.iechorfile.engine.fs.TreeDiff;

/**
 * What differs between two steps, for {@code %diff}.
 *
 * @param from the earlier step's number (0: the empty state before the first step)
 * @param to the later step's number; for a failed step, the number it would have had
 * @param files the files added, changed and removed
 * @param config the config fields that differ
 */
public record StepDiff(int from, int to, TreeDiff files, List<ConfigChange> config) {
  public StepDiff {
    Objects.requireNonNull(files, "files");
    config = List.copyOf(config);
  }
}
