package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.instruction.CacheSharing;
import org.iechorfile.engine.instruction.MountSpec;
import org.iechorfile.engine.instruction.MountType;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.spi.SandboxMount;
import org.iechorfile.engine.store.Store;
import org.iechorfile.engine.store.StoreLock;
import org.iechorfile.engine.tar.DirectoryTrees;
import org.iechorfile.engine.tar.IdMap;

/**
 * Turns a RUN's {@code --mount} specifications into sandbox mounts: cache directories kept in the
 * store per id, tmpfs, secrets as read-only files made for this run only (and environment variables
 * with {@code env=}), read-only binds from the build context, and binds from an earlier stage or an
 * image ({@code from=}), read-only or with writes thrown away.
 */
final class RunMounts {

  private static final long LOCKED_POLL_MILLIS = 50;

  private final Path cacheMounts;
  private final StoreLock storeLock;
  private final Supplier<Optional<Path>> context;
  private final Map<String, SecretSource> secrets;
  private final StageOrImage stages;

  RunMounts(
      Path home,
      Supplier<Optional<Path>> context,
      Map<String, SecretSource> secrets,
      BaseImages images) {
    this.cacheMounts = cacheMountsDirectory(home);
    this.storeLock = Store.lock(home);
    this.context = context;
    this.secrets = Map.copyOf(secrets);
    this.stages = new StageOrImage(images);
  }

  /** What the mounts add to one run, with the cache directories it uses until it is closed. */
  record Prepared(List<SandboxMount> mounts, List<String> environment, List<CacheMountUse> uses)
      implements AutoCloseable {

    @Override
    public void close() throws IOException {
      for (CacheMountUse use : uses) {
        use.close();
      }
    }
  }

  /**
   * The stages and images that {@code from=} bind mounts read, by their {@code from} value, pulling
   * images that are missing. Done before the cache lookup: their identity is part of the key.
   */
  Map<String, StageOrImage.Found> sources(
      ImageState state, List<MountSpec> specs, BaseImages.Progress progress)
      throws StepFailure, IOException, InterruptedException {
    Map<String, StageOrImage.Found> found = new LinkedHashMap<>();
    for (MountSpec spec : specs) {
      if ((spec.type() == MountType.BIND || spec.type() == MountType.CACHE)
          && !spec.from().isEmpty()
          && !found.containsKey(spec.from())) {
        found.put(spec.from(), stages.find(state, spec.from(), "RUN --mount=from=", progress));
      }
    }
    return found;
  }

  /** The cache-key parts that stand for the mounted stages and images. */
  static List<String> describeSources(Map<String, StageOrImage.Found> sources) {
    List<String> parts = new ArrayList<>();
    sources.forEach((from, found) -> parts.add("mounted=" + from + "\u0000" + found.identity()));
    return parts;
  }

  /**
   * The sandbox mounts and environment for {@code specs}; files made for this run (secrets) go to
   * {@code scratch}, and {@code sources} are what {@link #sources} found. A {@code sharing=locked}
   * cache directory another step uses is waited for (until {@code cancellation}).
   */
  Prepared prepare(
      List<MountSpec> specs,
      String workingDirectory,
      Path scratch,
      Map<String, StageOrImage.Found> sources,
      Cancellation cancellation)
      throws StepFailure, IOException, InterruptedException {
    List<SandboxMount> mounts = new ArrayList<>();
    List<String> environment = new ArrayList<>();
    List<CacheMountUse> uses = new ArrayList<>();
    Prepared prepared = new Prepared(mounts, environment, uses);
    try {
      prepare(specs, workingDirectory, scratch, sources, cancellation, prepared);
    } catch (StepFailure | IOException | InterruptedException | RuntimeException e) {
      prepared.close();
      throw e;
    }
    return prepared;
  }

  private void prepare(
      List<MountSpec> specs,
      String workingDirectory,
      Path scratch,
      Map<String, StageOrImage.Found> sources,
      Cancellation cancellation,
      Prepared prepared)
      throws StepFailure, IOException, InterruptedException {
    List<SandboxMount> mounts = prepared.mounts();
    List<String> environment = prepared.environment();
    int secretIndex = 0;
    for (MountSpec spec : specs) {
      String target = absolute(workingDirectory, spec.effectiveTarget());
      switch (spec.type()) {
        case CACHE -> {
          CacheMountUse use =
              useCacheDirectory(spec, Optional.ofNullable(sources.get(spec.from())), cancellation);
          prepared.uses().add(use);
          mounts.add(new SandboxMount.Bind(use.directory(), target, spec.readOnly()));
        }
        case TMPFS -> mounts.add(new SandboxMount.Tmpfs(target, size(spec)));
        case SECRET -> {
          Optional<byte[]> value = secret(spec);
          if (value.isEmpty()) {
            continue;
          }
          if (spec.env().isPresent()) {
            environment.add(
                spec.env().get() + "=" + new String(value.get(), StandardCharsets.UTF_8));
          }
          if (!spec.effectiveTarget().isEmpty()) {
            Path file = scratch.resolve("secret-" + secretIndex++);
            Files.write(file, value.get());
            Files.setAttribute(file, "unix:mode", spec.effectiveMode());
            IdMap.setOwner(
                file,
                spec.uid().map(Integer::parseInt).orElse(0),
                spec.gid().map(Integer::parseInt).orElse(0));
            mounts.add(new SandboxMount.Bind(file, target, true));
          }
        }
        case BIND ->
            mounts.add(
                spec.from().isEmpty()
                    ? bind(spec, target)
                    : layerBind(spec, target, sources.get(spec.from())));
        case SSH ->
            throw new StepFailure(
                Failure.of(
                    Failure.Kind.UNSUPPORTED,
                    "RUN --mount=type=ssh needs an SSH agent to forward, which iechorfile does not"
                        + " provide; use a secret mount with a deploy key instead"));
      }
    }
  }

  /** Where the directories of {@code RUN --mount=type=cache} live in the store {@code home}. */
  static Path cacheMountsDirectory(Path home) {
    return home.resolve("session").resolve("mounts").resolve("cache");
  }

  /**
   * The cache directory of {@code spec}, in use by this run as its {@code sharing} says: a {@code
   * private} mount that finds the directory busy takes the first free one of {@code ID-2}, {@code
   * ID-3}, …; a {@code locked} one (or a {@code shared} one while a locked or private step has it)
   * waits. With {@code from=}, as in BuildKit, the cache starts as a copy of {@code source} in that
   * stage or image, and another base is another cache.
   */
  private CacheMountUse useCacheDirectory(
      MountSpec spec, Optional<StageOrImage.Found> base, Cancellation cancellation)
      throws IOException, StepFailure, InterruptedException {
    Optional<CacheSeed> seed =
        base.isEmpty() ? Optional.empty() : Optional.of(seed(spec, base.get()));
    String identity = spec.effectiveId() + seed.map(s -> "\u0000" + s.identity()).orElse("");
    String name = Digest.sha256(identity).hex().substring(0, 32);
    CacheSharing sharing = spec.effectiveSharing();
    while (true) {
      for (int instance = 1; ; instance++) {
        Path dir = cacheMounts.resolve(instance == 1 ? name : name + "-" + instance);
        cacheDirectory(dir, spec, seed);
        // A collection between the two removes an unused directory: that counts as busy, and the
        // next try makes it again.
        Optional<CacheMountUse> use =
            storeLock.withShared(
                () ->
                    Files.isDirectory(dir)
                        ? CacheMountUse.tryUse(dir, sharing)
                        : Optional.<CacheMountUse>empty());
        if (use.isPresent()) {
          return use.get();
        }
        if (sharing != CacheSharing.PRIVATE) {
          break;
        }
      }
      if (cancellation.isCancelled()) {
        throw new StepFailure(
            Failure.of(
                Failure.Kind.CANCELLED,
                "RUN was stopped while waiting for the cache mount "
                    + spec.effectiveId()
                    + " that another step holds (sharing="
                    + sharing.spelled()
                    + "); nothing was kept"));
      }
      Thread.sleep(LOCKED_POLL_MILLIS);
    }
  }

  /**
   * Makes cache directory {@code dir} when it is missing: beside the cache directories first (where
   * collections do not look), seeded from {@code seed}, then renamed into place under the exclusive
   * store lock. The lock matters: a rename replaces an empty directory, which another step may have
   * made and mounted meanwhile.
   */
  private void cacheDirectory(Path dir, MountSpec spec, Optional<CacheSeed> seed)
      throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path made =
        Files.createTempDirectory(
            Files.createDirectories(dir.getParent()).getParent(), ".new-cache-");
    try {
      if (seed.isPresent()) {
        seed.get().copyInto(made);
      } else {
        Files.setAttribute(made, "unix:mode", spec.effectiveMode());
        IdMap.setOwner(
            made,
            spec.uid().map(Integer::parseInt).orElse(0),
            spec.gid().map(Integer::parseInt).orElse(0));
      }
      storeLock.withExclusive(
          () -> {
            if (!Files.isDirectory(dir)) {
              Files.move(made, dir, StandardCopyOption.ATOMIC_MOVE);
            }
            return null;
          });
    } finally {
      if (Files.exists(made, LinkOption.NOFOLLOW_LINKS)) {
        DirectoryTrees.delete(made);
      }
    }
  }

  /** What a cache mount with {@code from=} starts from: a directory of a stage or image. */
  private static CacheSeed seed(MountSpec spec, StageOrImage.Found found)
      throws StepFailure, IOException {
    ImageTree tree = new ImageTree(found.layers(), found.description());
    String path = tree.resolve(spec.source());
    Optional<SourceTree.Entry> entry = tree.entry(path);
    if (!path.isEmpty() && (entry.isEmpty() || entry.get().type() != SourceTree.Type.DIRECTORY)) {
      throw new StepFailure(
          Failure.of(
              Failure.Kind.MISSING_FILE,
              "RUN --mount=type=cache,from="
                  + spec.from()
                  + ": "
                  + (entry.isEmpty()
                      ? "there is no "
                      : "the cache must start from a directory, not ")
                  + spec.source()
                  + " in "
                  + found.description()
                  + " (source= is relative to its root)"));
    }
    return new CacheSeed(tree, path, found.identity() + "\u0000" + path);
  }

  private Optional<byte[]> secret(MountSpec spec) throws StepFailure, IOException {
    String id = spec.effectiveId();
    SecretSource source = secrets.get(id);
    Optional<byte[]> value = source == null ? Optional.empty() : source.read();
    if (value.isEmpty() && spec.required()) {
      throw new StepFailure(
          Failure.of(
              Failure.Kind.MISSING_FILE,
              "secret "
                  + id
                  + " is required but was not given; pass it with --secret id="
                  + id
                  + ",src=FILE (or env=VARIABLE)"));
    }
    return value;
  }

  private SandboxMount bind(MountSpec spec, String target) throws StepFailure {
    Path root =
        context
            .get()
            .orElseThrow(
                () ->
                    new StepFailure(
                        Failure.of(
                            Failure.Kind.MISSING_FILE,
                            "RUN --mount=type=bind needs a build context; set one with %context DIR")));
    Path source = root.resolve(spec.source().replaceAll("^/+", "")).normalize();
    if (!source.startsWith(root) || !Files.exists(source)) {
      throw new StepFailure(
          Failure.of(
              Failure.Kind.MISSING_FILE,
              "bind mount source "
                  + (spec.source().isEmpty() ? "." : spec.source())
                  + " is not in the build context "
                  + root));
    }
    return new SandboxMount.Bind(source, target, true);
  }

  /**
   * A bind of {@code source} inside a stage or image. Symbolic links on the way are followed inside
   * that filesystem, as in a chroot, so the sandbox gets a path without links.
   */
  private static SandboxMount layerBind(MountSpec spec, String target, StageOrImage.Found found)
      throws StepFailure, IOException {
    ImageTree tree = new ImageTree(found.layers(), found.description());
    String path = tree.resolve(spec.source());
    if (!path.isEmpty() && tree.entry(path).isEmpty()) {
      throw new StepFailure(
          Failure.of(
              Failure.Kind.MISSING_FILE,
              "RUN --mount=from="
                  + spec.from()
                  + ": the source "
                  + spec.source()
                  + " does not exist in "
                  + found.description()
                  + "; check the path (source= is relative to the root of "
                  + found.description()
                  + ")"));
    }
    List<String> layers = new ArrayList<>();
    for (int i = found.layers().size() - 1; i >= 0; i--) {
      layers.add(found.layers().get(i).shortName());
    }
    return new SandboxMount.LayerBind(layers, "/" + path, target, spec.readOnly());
  }

  private static long size(MountSpec spec) throws StepFailure {
    if (spec.size().isEmpty()) {
      return 0;
    }
    String text = spec.size().get().trim().toLowerCase(Locale.ROOT);
    long multiplier = 1;
    char unit = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
    switch (unit) {
      case 'k' -> multiplier = 1L << 10;
      case 'm' -> multiplier = 1L << 20;
      case 'g' -> multiplier = 1L << 30;
      default -> multiplier = 1;
    }
    String digits = multiplier == 1 ? text : text.substring(0, text.length() - 1);
    if (!digits.matches("\\d{1,15}")) {
      throw new StepFailure(
          Failure.of(
              Failure.Kind.UNSUPPORTED,
              "invalid tmpfs size " + spec.size().get() + "; use a number with k, m or g"));
    }
    return Long.parseLong(digits) * multiplier;
  }

  static String absolute(String workingDirectory, String target) {
    return target.startsWith("/")
        ? ConfigDispatch.workingDirectory("/", target)
        : ConfigDispatch.workingDirectory(workingDirectory, target);
  }

  /** A stable description of the mounts for the cache key; never contains secret values. */
  static List<String> describe(List<MountSpec> specs) {
    List<String> parts = new ArrayList<>();
    for (MountSpec spec : specs) {
      parts.add(
          "mount="
              + spec.type().name().toLowerCase(Locale.ROOT)
              + ","
              + spec.effectiveTarget()
              + ","
              + spec.source()
              + ","
              + spec.from()
              + ","
              + spec.effectiveId()
              + ","
              + spec.readOnly()
              + (spec.type() == MountType.BIND ? "" : "," + spec.effectiveMode()));
    }
    return parts;
  }
}
