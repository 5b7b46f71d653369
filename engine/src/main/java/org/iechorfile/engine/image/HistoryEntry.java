package org.iechorfile.engine.image;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an image's history: the instruction that made a layer, or changed only config.
 *
 * @param created when the step ran
 * @param createdBy the command, as Docker writes it (for example {@code /bin/sh -c #(nop) ENV
 *     A=1}); empty when unknown
 * @param author who made it; empty when unknown
 * @param comment a free comment; empty when none
 * @param emptyLayer whether the step made no layer
 */
public record HistoryEntry(
    Optional<Instant> created,
    String createdBy,
    String author,
    String comment,
    boolean emptyLayer) {

  public HistoryEntry {
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(comment, "comment");
  }

  /** An entry for a step that ran at {@code created}. */
  public static HistoryEntry of(Instant created, String createdBy, boolean emptyLayer) {
    return new HistoryEntry(Optional.of(created), createdBy, "", "", emptyLayer);
  }
}
