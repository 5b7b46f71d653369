package org.iechorfile.engine.instruction;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code RUN --mount=…} specification, read from its comma-separated {@code key=value} list.
 * Values are as written (or as expanded, after {@link InstructionExpander}); the defaults that
 * depend on other keys are given by the {@code effective…} methods.
 *
 * @param type the mount type ({@code bind} when not given)
 * @param target the mount point ({@code target}, {@code dst} or {@code destination}), or empty
 * @param source the path within {@code from} or the context ({@code source}, {@code src}), or empty
 * @param from the stage, image or named context to mount from, or empty; never expanded
 * @param readOnly whether the mount is read-only (given, or the type's default)
 * @param id the cache or secret or SSH id, or empty
 * @param sharing the cache sharing mode, if given (only for cache mounts)
 * @param mode the octal file mode as written, if given (cache, secret and ssh only)
 * @param uid the owner user id as written, if given (cache, secret and ssh only)
 * @param gid the owner group id as written, if given (cache, secret and ssh only)
 * @param size the tmpfs size as written ({@code 64m}), if given (tmpfs only)
 * @param env the environment variable a secret is exposed as, if given (secret only)
 * @param required whether a missing secret or SSH agent fails the step
 */
public record MountSpec(
    MountType type,
    String target,
    String source,
    String from,
    boolean readOnly,
    String id,
    Optional<CacheSharing> sharing,
    Optional<String> mode,
    Optional<String> uid,
    Optional<String> gid,
    Optional<String> size,
    Optional<String> env,
    boolean required) {

  public MountSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sharing, "sharing");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(gid, "gid");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(env, "env");
  }

  /**
   * The id the mount uses: the given one, else for cache mounts the target, for secrets the base
   * name of the target (or the source), for SSH {@code default}; empty for other types.
   */
  public String effectiveId() {
    if (!id.isEmpty()) {
      return id;
    }
    switch (type) {
      case CACHE:
        return target;
      case SECRET:
        String path = target.isEmpty() ? source : target;
        return path.substring(path.lastIndexOf('/') + 1);
      case SSH:
        return "default";
      default:
        return "";
    }
  }

  /**
   * The mount point: the given target, else for secrets {@code /run/secrets/<id>} (unless the
   * secret is only an environment variable) and empty otherwise (SSH targets are numbered by the
   * runtime).
   */
  public String effectiveTarget() {
    if (!target.isEmpty() || type != MountType.SECRET || env.isPresent()) {
      return target;
    }
    return "/run/secrets/" + effectiveId();
  }

  /**
   * The file mode as a number: the given octal {@code mode}, else the type's default. A mode that
   * still holds a variable (before expansion) counts as not given.
   */
  public int effectiveMode() {
    if (mode.isPresent() && mode.get().matches("[0-7]{1,11}")) {
      return (int) Long.parseLong(mode.get(), 8);
    }
    switch (type) {
      case SECRET:
        return 0400;
      case SSH:
        return 0600;
      default:
        return 0755;
    }
  }

  /** The sharing mode, {@code shared} when not given. */
  public CacheSharing effectiveSharing() {
    return sharing.orElse(CacheSharing.SHARED);
  }
}
