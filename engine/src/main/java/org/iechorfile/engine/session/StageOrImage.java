package org.iechorfile.engine.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.Failure;

/**
 * Resolves a {@code from} value ({@code COPY --from}, {@code RUN --mount=from=}) as BuildKit does:
 * an earlier stage of the session by name or index, otherwise an image reference, pulled like FROM.
 */
final class StageOrImage {

  private final BaseImages images;

  StageOrImage(BaseImages images) {
    this.images = images;
  }

  /**
   * A stage or image found for a {@code from} value.
   *
   * @param description what it is, for messages ({@code stage build}, {@code image
   *     docker.io/library/busybox:latest})
   * @param name its short name ({@code stage build}, {@code docker.io/library/busybox:latest})
   * @param layers its layers, base first
   * @param identity what the build cache keys on: the stage's state key, or the image's reference
   *     and layer ids
   */
  record Found(String description, String name, List<LayerRef> layers, String identity) {
    Found {
      layers = List.copyOf(layers);
    }
  }

  /**
   * The stage or image {@code from} names, seen from {@code state}.
   *
   * @param flag how the value was given, for messages ({@code COPY --from=})
   * @throws StepFailure when it names the current stage, a stage index that does not exist, or an
   *     image that cannot be had
   */
  Found find(ImageState state, String from, String flag, BaseImages.Progress progress)
      throws StepFailure, IOException, InterruptedException {
    Optional<Stage> stage = state.stage(from);
    if (stage.isPresent()) {
      String name = "stage " + stage.get().displayName();
      return new Found(name, name, stage.get().state().layers(), stage.get().state().key());
    }
    if (!state.stageName().isEmpty() && state.stageName().equalsIgnoreCase(from)
        || from.equals(Integer.toString(state.stageIndex()))) {
      throw new StepFailure(
          Failure.of(
              Failure.Kind.MISSING_FILE,
              flag
                  + from
                  + " names the stage being built; use an earlier stage, or start a new stage"
                  + " with FROM first"));
    }
    if (from.chars().allMatch(Character::isDigit)) {
      throw new StepFailure(
          Failure.of(
              Failure.Kind.MISSING_FILE,
              flag
                  + from
                  + ": there is no earlier stage with that index; %steps lists the stages"));
    }
    try {
      BaseImages.Image image = images.resolve(from, state.platform(), progress);
      List<String> ids = new ArrayList<>();
      image.layers().forEach(l -> ids.add(l.id()));
      return new Found(
          "image " + image.reference(),
          image.reference(),
          image.layers(),
          "image " + image.reference() + " " + String.join(",", ids));
    } catch (BaseImages.ImageUnavailableException e) {
      throw new StepFailure(
          Failure.of(
              e.reason() == BaseImages.ImageUnavailableException.Reason.UNREACHABLE
                  ? Failure.Kind.REGISTRY_UNREACHABLE
                  : Failure.Kind.IMAGE_UNAVAILABLE,
              flag + from + " is neither an earlier stage nor an image: " + e.getMessage()),
          e);
    }
  }
}
