package org.iechorfile.engine.session;

import java.util.Objects;
import org.iechorfile.engine.store.GcReport;

/**
 * What {@link Workspace#collectGarbage} removed.
 *
 * @param layers the session layers, cache records, crashed sessions' records and drafts removed
 * @param store the store's blobs and snapshots removed
 */
public record GcSummary(LayerCollection layers, GcReport store) {
  public GcSummary {
    Objects.requireNonNull(layers, "layers");
    Objects.requireNonNull(store, "store");
  }
}
