package org.iechorfile.engine.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.iechorfile.engine.image.HistoryEntry;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.image.RuntimeConfig;

/**
 * The state a step leaves behind: an immutable snapshot of the working image (its config, its
 * layers, its history) and of the build around it (the stage, the ARGs in scope, the stages
 * finished before). Undo restores an earlier snapshot; nothing is ever reversed.
 *
 * @param config how containers of the image run
 * @param platform the image's platform
 * @param layers the image's layers, base first
 * @param history one entry per step of the image, base first
 * @param stageIndex the current stage's position, -1 before the first FROM
 * @param stageName the current stage's name, lower case; empty when unnamed
 * @param base what the current stage was built from ({@code scratch}, an image reference or a stage
 *     name); empty before the first FROM
 * @param args the ARG values in scope in the current stage, in declaration order
 * @param globalArgs the ARGs declared before the first FROM, usable in FROM lines
 * @param cmdSetInStage whether CMD was set in the current stage (ENTRYPOINT then keeps it)
 * @param stages the stages finished before the current one
 * @param key the build-cache key of this state: equal keys mean equal states
 */
public record ImageState(
    RuntimeConfig config,
    Platform platform,
    List<LayerRef> layers,
    List<HistoryEntry> history,
    int stageIndex,
    String stageName,
    String base,
    Map<String, String> args,
    Map<String, String> globalArgs,
    boolean cmdSetInStage,
    List<Stage> stages,
    String key) {

  public ImageState {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(platform, "platform");
    layers = List.copyOf(layers);
    history = List.copyOf(history);
    Objects.requireNonNull(stageName, "stageName");
    Objects.requireNonNull(base, "base");
    args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
    globalArgs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(globalArgs));
    stages = List.copyOf(stages);
    Objects.requireNonNull(key, "key");
  }

  /**
   * The state of a new session: no stage yet, nothing in it, and the automatic platform ARGs
   * ({@code TARGETPLATFORM}, {@code TARGETOS}, {@code TARGETARCH}, {@code TARGETVARIANT} and their
   * {@code BUILD...} twins) in global scope, usable in FROM and, once redeclared, in a stage.
   */
  public static ImageState initial(Platform platform) {
    return new ImageState(
        RuntimeConfig.EMPTY,
        platform,
        List.of(),
        List.of(),
        -1,
        "",
        "",
        Map.of(),
        platformArgs(platform),
        false,
        List.of(),
        "initial");
  }

  private static Map<String, String> platformArgs(Platform platform) {
    String text =
        platform.os()
            + "/"
            + platform.architecture()
            + (platform.variant().isEmpty() ? "" : "/" + platform.variant());
    Map<String, String> args = new LinkedHashMap<>();
    for (String prefix : List.of("TARGET", "BUILD")) {
      args.put(prefix + "PLATFORM", text);
      args.put(prefix + "OS", platform.os());
      args.put(prefix + "ARCH", platform.architecture());
      args.put(prefix + "VARIANT", platform.variant());
    }
    return args;
  }

  /** Whether a FROM has started a stage. */
  public boolean inStage() {
    return stageIndex >= 0;
  }

  /** The total bytes of file content in the layers. */
  public long bytes() {
    return layers.stream().mapToLong(LayerRef::bytes).sum();
  }

  /** The finished stage called {@code nameOrIndex} (a name, or a 0-based index). */
  public Optional<Stage> stage(String nameOrIndex) {
    for (Stage stage : stages) {
      if (stage.name().equalsIgnoreCase(nameOrIndex)
          || Integer.toString(stage.index()).equals(nameOrIndex)) {
        return Optional.of(stage);
      }
    }
    return Optional.empty();
  }

  ImageState withConfig(RuntimeConfig newConfig, HistoryEntry entry, String newKey) {
    return with(newConfig, layers, append(history, entry), args, globalArgs, cmdSetInStage, newKey);
  }

  ImageState withLayer(LayerRef layer, RuntimeConfig newConfig, HistoryEntry entry, String newKey) {
    return with(
        newConfig,
        append(layers, layer),
        append(history, entry),
        args,
        globalArgs,
        cmdSetInStage,
        newKey);
  }

  ImageState withRuntimeConfig(RuntimeConfig newConfig) {
    return with(newConfig, layers, history, args, globalArgs, cmdSetInStage, key);
  }

  ImageState withArgs(Map<String, String> newArgs, Map<String, String> newGlobals, String newKey) {
    return with(config, layers, history, newArgs, newGlobals, cmdSetInStage, newKey);
  }

  ImageState withCmdSetInStage(boolean set) {
    return with(config, layers, history, args, globalArgs, set, key);
  }

  /** This state with the components a step may change replaced; the stage stays the same. */
  private ImageState with(
      RuntimeConfig newConfig,
      List<LayerRef> newLayers,
      List<HistoryEntry> newHistory,
      Map<String, String> newArgs,
      Map<String, String> newGlobals,
      boolean newCmdSetInStage,
      String newKey) {
    return new ImageState(
        newConfig,
        platform,
        newLayers,
        newHistory,
        stageIndex,
        stageName,
        base,
        newArgs,
        newGlobals,
        newCmdSetInStage,
        stages,
        newKey);
  }

  private static <T> List<T> append(List<T> list, T element) {
    List<T> longer = new ArrayList<>(list.size() + 1);
    longer.addAll(list);
    longer.add(element);
    return longer;
  }
}
