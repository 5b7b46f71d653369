package org.iechorfile.engine.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.spi.SandboxException;
import org.iechorfile.engine.spi.SandboxMount;

/**
 * Sets up a {@link SandboxMount.LayerBind}: an overlay of the mounted layers in the run's scratch
 * area (read-only with lower directories only; writable with a throwaway upper and work directory
 * beside it), and the plain bind of the source path inside that overlay that puts it at the target.
 */
final class LayerMounts {

  private LayerMounts() {}

  /**
   * What a layer bind became.
   *
   * @param bind the bind from inside the overlay onto the target, mounted after the overlay
   * @param directory whether the source is a directory
   */
  record Prepared(SandboxMount.Bind bind, boolean directory) {}

  /**
   * Makes the overlay's directories in {@code directory} and adds its mount to {@code steps}.
   *
   * @param layersDirectory the directory the layer names are relative to (the mount runs there)
   * @throws SandboxException when the source is missing or passes through a symbolic link
   */
  static Prepared prepare(
      SandboxMount.LayerBind mount,
      Path directory,
      Path layersDirectory,
      boolean inUserNamespace,
      SetupSteps steps)
      throws IOException, SandboxException {
    boolean isDirectory = checkSource(mount, layersDirectory);
    Path root = Files.createDirectories(directory.resolve("root"));
    List<String> lowers = new ArrayList<>(mount.layers());
    // A bottom layer of its own: overlayfs needs two lower directories when there is no upper one.
    lowers.add(Files.createDirectory(directory.resolve("base")).toAbsolutePath().toString());
    if (lowers.size() < 2) {
      lowers.add(Files.createDirectory(directory.resolve("base2")).toAbsolutePath().toString());
    }
    StringBuilder options = new StringBuilder("lowerdir=").append(String.join(":", lowers));
    if (mount.readOnly()) {
      options.append(",ro");
    } else {
      Path upper = Files.createDirectory(directory.resolve("upper"));
      Path work = Files.createDirectory(directory.resolve("work"));
      options
          .append(",upperdir=")
          .append(upper.toAbsolutePath())
          .append(",workdir=")
          .append(work.toAbsolutePath());
    }
    if (inUserNamespace) {
      options.append(",userxattr");
    }
    steps.mount("overlay", root.toAbsolutePath().toString(), "overlay", options.toString());
    Path source =
        mount.source().equals("/") ? root : root.resolve(mount.source().replaceAll("^/+", ""));
    return new Prepared(
        new SandboxMount.Bind(source, mount.target(), mount.readOnly()), isDirectory);
  }

  /** Whether the source is a directory; refuses a missing source and one through a link. */
  private static boolean checkSource(SandboxMount.LayerBind mount, Path layersDirectory)
      throws IOException, SandboxException {
    if (mount.source().equals("/")) {
      return true;
    }
    LayerLookup layers = new LayerLookup(layersDirectory, mount.layers());
    Optional<String> link = layers.symlinkOnPath(mount.source());
    if (link.isPresent()) {
      throw new SandboxException(
          "bind source "
              + mount.source()
              + " passes through the symbolic link "
              + link.get()
              + " of the mounted layers; give the path the link points to");
    }
    LayerLookup.Kind kind = layers.kind(mount.source());
    if (kind == LayerLookup.Kind.ABSENT || kind == LayerLookup.Kind.WHITEOUT) {
      throw new SandboxException(
          "bind source " + mount.source() + " does not exist in the mounted layers");
    }
    return kind == LayerLookup.Kind.DIRECTORY;
  }
}
