package org.iechorfile.engine.image;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A multi-platform index: an OCI image index or a Docker manifest list. The media type says which
 * one it is and is kept when the index is written back.
 *
 * @param mediaType {@link MediaTypes#OCI_INDEX} or {@link MediaTypes#DOCKER_MANIFEST_LIST}
 * @param manifests the entries, each usually with a platform
 * @param annotations index annotations (OCI); may be empty
 */
public record ImageIndex(
    String mediaType, List<Descriptor> manifests, Map<String, String> annotations) {

  public ImageIndex {
    Objects.requireNonNull(mediaType, "mediaType");
    if (!MediaTypes.isIndex(mediaType)) {
      throw new IllegalArgumentException("not an index media type: " + mediaType);
    }
    manifests = List.copyOf(manifests);
    annotations = Map.copyOf(annotations);
  }

  /** An OCI index of {@code manifests}. */
  public static ImageIndex oci(List<Descriptor> manifests) {
    return new ImageIndex(MediaTypes.OCI_INDEX, manifests, Map.of());
  }

  /**
   * The entry that serves {@code wanted} best, as Docker chooses: an exact variant before an older
   * compatible one, earlier entries before later ones. Entries without a platform are ignored.
   */
  public Optional<Descriptor> select(Platform wanted) {
    Objects.requireNonNull(wanted, "wanted");
    Descriptor best = null;
    int bestRank = Integer.MAX_VALUE;
    for (Descriptor entry : manifests) {
      if (entry.platform().isEmpty()) {
        continue;
      }
      OptionalInt rank = wanted.rank(entry.platform().get());
      if (rank.isPresent() && rank.getAsInt() < bestRank) {
        best = entry;
        bestRank = rank.getAsInt();
      }
    }
    return Optional.ofNullable(best);
  }

  /** The platforms of the entries, in index order, for messages. */
  public List<Platform> platforms() {
    return manifests.stream().flatMap(d -> d.platform().stream()).toList();
  }
}
