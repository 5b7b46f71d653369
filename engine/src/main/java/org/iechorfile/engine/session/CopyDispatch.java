package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iechorfile.engine.CacheOutcome;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.image.HistoryEntry;

/**
 * Carries out COPY and ADD without the sandbox: finds the sources, works out where each goes (the
 * destination resolved through the image's own symbolic links, never this machine's), keys the step
 * by the content of what it copies, and on a cache miss writes the files straight into a fresh
 * layer directory.
 */
final class CopyDispatch {

  private final StepLayers layers;
  private final BuildCache cache;
  private final StageOrImage stages;
  private final AddSources add;
  private final Clock clock;

  CopyDispatch(
      StepLayers layers, BuildCache cache, BaseImages images, AddSources add, Clock clock) {
    this.layers = layers;
    this.cache = cache;
    this.stages = new StageOrImage(images);
    this.add = add;
    this.clock = clock;
  }

  /** What a COPY or ADD produced. */
  record Outcome(ImageState state, CacheOutcome cache, LayerRef layer, long entries) {}

  /** The tree {@code --from} or the context names, and the key part that stands for it. */
  private record Origin(Optional<SourceTree> tree, String label, String keyPart) {}

  /**
   * Applies {@code request} to {@code state}, reading the build context {@code context} when
   * sources come from it.
   */
  Outcome apply(
      ImageState state,
      CopyRequest request,
      Optional<Path> context,
      boolean useCache,
      BaseImages.Progress progress)
      throws StepFailure, StepRejection, IOException, InterruptedException {
    FileModes modes = modes(request);
    Optional<UserLookup.Ids> owner = owner(request, state);
    Origin origin = origin(state, request, context, progress);
    StepLayers.Draft draft = layers.draft();
    try {
      List<LayerRef> stack = new ArrayList<>(request.link() ? List.of() : state.layers());
      stack.add(new LayerRef("draft", draft.upper(), "-", 0));
      ImageTree image = new ImageTree(stack, "the image");
      Path scratch = java.nio.file.Files.createDirectory(draft.directory().resolve("sources"));
      List<CopyPlan.Source> sources =
          new CopyPlan(add, clock, scratch).sources(request, origin.tree(), origin.label());
      CopyTargets.Placed placed = CopyTargets.place(state, request, sources, image);
      List<String> parts = keyParts(request, origin, placed);
      String key = CacheKeys.next(state.key(), parts);
      HistoryEntry history = HistoryEntry.of(clock.instant(), request.history(), false);
      if (useCache) {
        Optional<LayerRef> reused = cache.reuse(layers, key, state.key(), parts);
        if (reused.isPresent()) {
          LayerRef layer = reused.get();
          return new Outcome(
              state.withLayer(layer, state.config(), history, key),
              new CacheOutcome(true, "same sources on the same parent"),
              layer,
              -1);
        }
      }
      CacheOutcome why = cache.miss(useCache, state.key(), parts);
      DraftFiles files = new DraftFiles(draft.upper(), image, modes, owner);
      for (CopySources.Item item : placed.items()) {
        if (item.root()) {
          files.directory(CopyTargets.parent(item.destination()));
        }
        files.write(item);
      }
      files.finish();
      StepLayers.delete(scratch);
      String id = UUID.randomUUID().toString().replace("-", "");
      LayerRef layer = layers.commit(draft, id);
      if (useCache) {
        cache.record(key, id);
        cache.remember(state.key(), parts);
      }
      return new Outcome(
          state.withLayer(layer, state.config(), history, key), why, layer, files.entries());
    } finally {
      layers.discard(draft);
    }
  }

  private static FileModes modes(CopyRequest request) throws StepRejection {
    if (request.chmod().isEmpty()) {
      return FileModes.unchanged();
    }
    try {
      return FileModes.parse(request.chmod().get());
    } catch (IllegalArgumentException e) {
      throw new StepRejection(Diagnostic.error(e.getMessage(), request.node().span()));
    }
  }

  /**
   * The {@code --chown} owner, names looked up in the image: a user alone also gives the group of
   * the same number, as Docker does.
   */
  private static Optional<UserLookup.Ids> owner(CopyRequest request, ImageState state)
      throws StepFailure, IOException {
    if (request.chown().isEmpty()) {
      return Optional.empty();
    }
    String chown = request.chown().get();
    if (chown.contains(":")) {
      return Optional.of(UserLookup.resolve(chown, state.layers()));
    }
    int uid = UserLookup.resolve(chown, state.layers()).uid();
    return Optional.of(new UserLookup.Ids(uid, uid));
  }

  private Origin origin(
      ImageState state, CopyRequest request, Optional<Path> context, BaseImages.Progress progress)
      throws StepFailure, IOException, InterruptedException {
    if (request.from().isPresent()) {
      return from(state, request.from().get(), progress);
    }
    if (!CopyPlan.readsTree(request)) {
      return new Origin(Optional.empty(), "", "context=none");
    }
    if (context.isEmpty()) {
      throw new StepFailure(
          Failure.of(
              Failure.Kind.MISSING_FILE,
              request.keyword()
                  + " reads from the build context, but this session has none; start it with"
                  + " --context DIR or set one with %context DIR"));
    }
    if (!java.nio.file.Files.isDirectory(context.get())) {
      throw new StepFailure(
          Failure.of(
              Failure.Kind.MISSING_FILE,
              "the build context "
                  + context.get()
                  + " is not a directory; set an existing one with %context DIR"));
    }
    return new Origin(Optional.of(ContextTree.open(context.get())), "", "context");
  }

  private Origin from(ImageState state, String from, BaseImages.Progress progress)
      throws StepFailure, IOException, InterruptedException {
    StageOrImage.Found found = stages.find(state, from, "COPY --from=", progress);
    return new Origin(
        Optional.of(new ImageTree(found.layers(), found.description())),
        found.name() + ":/",
        "from=" + found.identity());
  }

  private static List<String> keyParts(
      CopyRequest request, Origin origin, CopyTargets.Placed placed) throws IOException {
    List<String> parts = new ArrayList<>();
    parts.add("instruction=" + request.keyword() + " " + String.join(" ", request.sources()));
    parts.add("destination=" + placed.destination());
    parts.add("chown=" + request.chown().orElse(""));
    parts.add("chmod=" + request.chmod().orElse(""));
    parts.add("options=link:" + request.link() + ",parents:" + request.parents());
    parts.add("excludes=" + String.join("\u0000", request.excludes()));
    parts.add(origin.keyPart());
    for (CopyTargets.Group group : placed.groups()) {
      parts.addAll(SourceDigests.parts(group.label(), group.items()));
    }
    return parts;
  }
}
