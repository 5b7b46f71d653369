package org.iechorfile.engine.session;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iechorfile.engine.CacheOutcome;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.image.HistoryEntry;

/**
 * The directory a WORKDIR names, made when the image lacks it, as BuildKit does: with its missing
 * parents, mode 0755, owned by the image's USER (root when none), in a layer of its own. Symbolic
 * links on the way are followed inside the image. A WORKDIR whose directory exists changes only the
 * config.
 */
final class WorkdirDispatch {

  private final StepLayers layers;
  private final BuildCache cache;
  private final Clock clock;

  WorkdirDispatch(StepLayers layers, BuildCache cache, Clock clock) {
    this.layers = layers;
    this.cache = cache;
    this.clock = clock;
  }

  /**
   * What WORKDIR did.
   *
   * @param layer the layer that made the directory, if it was missing
   */
  record Outcome(ImageState state, CacheOutcome cache, Optional<LayerRef> layer, long entries) {}

  /**
   * Makes the working directory of {@code configured} (the state WORKDIR's config change produced
   * from {@code before}) when {@code before}'s files lack it.
   */
  Outcome apply(ImageState before, ImageState configured, boolean useCache)
      throws StepFailure, IOException {
    String directory = configured.config().workingDir();
    ImageTree image = new ImageTree(before.layers(), "the image");
    String resolved = image.resolve(IgnoreRules.clean(directory));
    if (resolved.isEmpty() || isDirectory(image, resolved, directory)) {
      return new Outcome(configured, CacheOutcome.notApplicable(), Optional.empty(), 0);
    }
    String user = before.config().user();
    UserLookup.Ids owner =
        user.isEmpty() ? new UserLookup.Ids(0, 0) : UserLookup.resolve(user, before.layers());
    List<String> parts =
        List.of("WORKDIR", "/" + resolved, "owner=" + owner.uid() + ":" + owner.gid());
    String key = CacheKeys.next(before.key(), parts);
    HistoryEntry history = HistoryEntry.of(clock.instant(), "WORKDIR " + directory, false);
    if (useCache) {
      Optional<LayerRef> reused = cache.reuse(layers, key, before.key(), parts);
      if (reused.isPresent()) {
        return new Outcome(
            before.withLayer(reused.get(), configured.config(), history, key),
            new CacheOutcome(true, "same directory on the same parent"),
            reused,
            -1);
      }
    }
    CacheOutcome why = cache.miss(useCache, before.key(), parts);
    StepLayers.Draft draft = layers.draft();
    try {
      List<LayerRef> stack = new ArrayList<>(before.layers());
      stack.add(new LayerRef("draft", draft.upper(), "-", 0));
      DraftFiles files =
          new DraftFiles(
              draft.upper(),
              new ImageTree(stack, "the image"),
              FileModes.unchanged(),
              Optional.of(owner));
      files.directory("/" + resolved);
      files.finish();
      long entries = Sizes.entries(draft.upper());
      String id = UUID.randomUUID().toString().replace("-", "");
      LayerRef layer = layers.commit(draft, id);
      if (useCache) {
        cache.record(key, id);
        cache.remember(before.key(), parts);
      }
      return new Outcome(
          before.withLayer(layer, configured.config(), history, key),
          why,
          Optional.of(layer),
          entries);
    } finally {
      layers.discard(draft);
    }
  }

  /**
   * Whether {@code path} is a directory already; refuses a path through a file, as {@code mkdir -p}
   * would.
   */
  private static boolean isDirectory(ImageTree image, String path, String directory)
      throws IOException, StepFailure {
    StringBuilder prefix = new StringBuilder();
    for (String part : path.split("/")) {
      if (prefix.length() > 0) {
        prefix.append('/');
      }
      prefix.append(part);
      Optional<SourceTree.Entry> entry = image.entry(prefix.toString());
      if (entry.isEmpty()) {
        return false;
      }
      if (entry.get().type() != SourceTree.Type.DIRECTORY) {
        throw new StepFailure(
            Failure.of(
                Failure.Kind.MISSING_FILE,
                "WORKDIR "
                    + directory
                    + ": /"
                    + prefix
                    + " is a file in the image, not a directory; choose another directory or"
                    + " remove the file first"));
      }
    }
    return true;
  }
}
