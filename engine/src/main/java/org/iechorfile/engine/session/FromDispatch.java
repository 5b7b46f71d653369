package org.iechorfile.engine.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.image.HistoryEntry;
import org.iechorfile.engine.image.ImageConfig;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.image.RuntimeConfig;
import org.iechorfile.engine.images.ImageUnavailable;
import org.iechorfile.engine.instruction.From;

/**
 * Carries out FROM: finishes the current stage and starts a new one on {@code scratch}, an earlier
 * stage, or an image found through {@link BaseImages}.
 */
final class FromDispatch {

  private final BaseImages images;
  private final Platform defaultPlatform;

  FromDispatch(BaseImages images, Platform defaultPlatform) {
    this.images = images;
    this.defaultPlatform = defaultPlatform;
  }

  ImageState apply(ImageState state, From from, BaseImages.Progress progress)
      throws StepFailure, StepRejection, InterruptedException, IOException {
    List<Stage> stages = new ArrayList<>(state.stages());
    if (state.inStage()) {
      stages.add(new Stage(state.stageIndex(), state.stageName(), state));
    }
    int index = state.stageIndex() + 1;
    String name = from.stageName().orElse("");
    String image = from.image();
    if (image.isEmpty()) {
      throw new StepRejection(
          Diagnostic.error(
              "base name (" + from.source().args().get(0) + ") should not be blank",
              from.source().span()));
    }
    Platform platform = platform(from);
    Optional<Stage> stage = earlierStage(stages, image);
    RuntimeConfig config;
    List<LayerRef> layers;
    List<HistoryEntry> history;
    Map<String, String> args = new LinkedHashMap<>();
    String baseKey;
    if (stage.isPresent()) {
      ImageState base = stage.get().state();
      config = base.config();
      layers = base.layers();
      history = base.history();
      args.putAll(base.args());
      baseKey = base.key();
      platform = base.platform();
    } else if (image.equalsIgnoreCase("scratch")) {
      config = RuntimeConfig.EMPTY;
      layers = List.of();
      history = List.of();
      baseKey = "scratch/" + platform;
    } else {
      BaseImages.Image resolved = resolve(image, platform, progress);
      ImageConfig imageConfig = resolved.config();
      config = imageConfig.config();
      layers = resolved.layers();
      history = imageConfig.history();
      List<String> ids = new ArrayList<>();
      resolved.layers().forEach(l -> ids.add(l.id()));
      baseKey =
          CacheKeys.next(
              "image", List.of(resolved.reference(), config.toString(), String.join(",", ids)));
    }
    String key = CacheKeys.next(baseKey, List.of("FROM"));
    return new ImageState(
        config,
        platform,
        layers,
        history,
        index,
        name,
        image,
        args,
        state.globalArgs(),
        false,
        stages,
        key);
  }

  private Platform platform(From from) throws StepRejection {
    if (from.platform().isEmpty()) {
      return defaultPlatform;
    }
    String text = from.platform().get();
    if (text.isBlank()) {
      throw new StepRejection(
          Diagnostic.error("empty platform value from expression " + text, from.source().span()));
    }
    try {
      return Platform.parse(text);
    } catch (IllegalArgumentException e) {
      throw new StepRejection(
          Diagnostic.error(
              "invalid platform " + text + ": " + e.getMessage(), from.source().span()));
    }
  }

  private static Optional<Stage> earlierStage(List<Stage> stages, String image) {
    for (int i = stages.size() - 1; i >= 0; i--) {
      if (!stages.get(i).name().isEmpty() && stages.get(i).name().equalsIgnoreCase(image)) {
        return Optional.of(stages.get(i));
      }
    }
    return Optional.empty();
  }

  private BaseImages.Image resolve(String image, Platform platform, BaseImages.Progress progress)
      throws StepFailure, InterruptedException, IOException {
    try {
      return images.resolve(image, platform, progress);
    } catch (ImageUnavailable e) {
      Failure.Kind kind =
          switch (e.reason()) {
            case NOT_FOUND, INVALID_REFERENCE, OTHER -> Failure.Kind.IMAGE_UNAVAILABLE;
            case UNAUTHORIZED -> Failure.Kind.UNAUTHORIZED;
            case UNREACHABLE -> Failure.Kind.REGISTRY_UNREACHABLE;
          };
      throw new StepFailure(Failure.of(kind, e.getMessage()), e);
    }
  }
}
