package org.iechorfile.engine.sandbox;

import java.util.ArrayList;
import java.util.List;
import org.iechorfile.engine.spi.SandboxMount;

/**
 * What the sandbox program sets up before one command, in order: mounts (the fields of fstab(5)),
 * symbolic links, and hidden and read-only paths, given to it as {@code --mount SOURCE TARGET TYPE
 * OPTIONS}, {@code --symlink TEXT PATH}, {@code --mask PATH} and {@code --readonly PATH} arguments,
 * so no file is written for them.
 */
final class SetupSteps {

  /** Makes a missing mount point, a directory, with the directories above it. */
  static final String MAKE_DIRECTORY = "X-mount.mkdir";

  /** Makes a missing mount point, an empty file, with the directories above it. */
  static final String MAKE_FILE = "X-mount.mkfile";

  private final List<String> arguments = new ArrayList<>();

  void mount(String source, String target, String type, String options) {
    arguments.addAll(List.of("--mount", source, target, type, options));
  }

  void symlink(String text, String path) {
    arguments.addAll(List.of("--symlink", text, path));
  }

  /** Hides {@code path}, when it exists: an empty read-only directory, or an empty file. */
  void mask(String path) {
    arguments.addAll(List.of("--mask", path));
  }

  /** Makes {@code path} read-only, when it exists. */
  void readOnly(String path) {
    arguments.addAll(List.of("--readonly", path));
  }

  /**
   * Mounts a request's own mount at its target under {@code root}; {@code makeMountPoint} when the
   * target is in a filesystem of the run's own (its {@code /dev}) rather than in the image.
   */
  void mount(SandboxMount mount, String root, boolean makeMountPoint, boolean directory) {
    String target = root + mount.target();
    String make = makeMountPoint ? "," + (directory ? MAKE_DIRECTORY : MAKE_FILE) : "";
    if (mount instanceof SandboxMount.Bind bind) {
      mount(
          bind.source().toAbsolutePath().toString(),
          target,
          "none",
          (bind.readOnly() ? "bind,ro" : "bind") + make);
    } else if (mount instanceof SandboxMount.Tmpfs tmpfs) {
      String size = tmpfs.sizeBytes() > 0 ? ",size=" + tmpfs.sizeBytes() : "";
      mount("tmpfs", target, "tmpfs", "nosuid,nodev" + size + make);
    } else {
      throw new IllegalArgumentException("a layer bind is mounted through its overlay: " + mount);
    }
  }

  /** Puts {@code first}'s steps before these. */
  void prepend(SetupSteps first) {
    arguments.addAll(0, first.arguments);
  }

  /** The program's arguments for these steps. */
  List<String> arguments() {
    return List.copyOf(arguments);
  }
}
