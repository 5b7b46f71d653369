package org.iechorfile.engine.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.spi.SandboxException;
import org.iechorfile.engine.spi.SandboxMount;
import org.iechorfile.engine.spi.SandboxRequest;

/**
 * The per-command files of one sandbox run, all inside one scratch directory: the mount point of
 * the new root, the stub layer of mount points (stacked below the image, so mount points the image
 * lacks never reach the new layer), the minimal {@code /dev}, the fstab that mounts everything in
 * one go, and the setup log and ready marker.
 */
record RunFiles(Path root, Path stub, Path dev, Path fstab, Path log, Path readyMarker) {

  private static final List<String> DEVICES =
      List.of("null", "zero", "full", "random", "urandom", "tty");
  private static final List<String> HOST_FILES = List.of("/etc/resolv.conf", "/etc/hosts");

  /** Makes the files for {@code request} in {@code scratch}. */
  static RunFiles create(Path scratch, SandboxRequest request, boolean inUserNamespace)
      throws SandboxException {
    RunFiles files =
        new RunFiles(
            scratch.resolve("root"),
            scratch.resolve("stub"),
            scratch.resolve("dev"),
            scratch.resolve("fstab"),
            scratch.resolve("setup.log"),
            scratch.resolve("ready"));
    try {
      files.write(request, inUserNamespace);
    } catch (IOException e) {
      throw new SandboxException("cannot prepare the sandbox's mount points in " + scratch, e);
    }
    return files;
  }

  /**
   * Writes the files. In a user namespace, overlayfs keeps its attributes in {@code user.overlay.*}
   * ({@code userxattr}), and sysfs can only be mounted with a network namespace of our own.
   */
  private void write(SandboxRequest request, boolean inUserNamespace)
      throws IOException, SandboxException {
    boolean ownSysfs = !inUserNamespace || !request.network();
    LayerLookup image = new LayerLookup(request.layersDirectory(), request.lowerLayers());
    Files.createDirectory(root);
    Files.createDirectory(stub);
    Fstab fstab = new Fstab();
    fstab.add(
        "overlay",
        root.toString(),
        "overlay",
        "lowerdir="
            + lowerDirs(request)
            + ",upperdir="
            + request.upperDirectory().toAbsolutePath()
            + ",workdir="
            + request.workDirectory().toAbsolutePath()
            + (inUserNamespace ? ",userxattr" : ""));
    mountPoint(image, "/proc", true);
    fstab.add("proc", target("/proc"), "proc", "nosuid,nodev,noexec");
    mountPoint(image, "/dev", true);
    writeDev();
    fstab.add(dev.toString(), target("/dev"), "none", "bind");
    for (String device : DEVICES) {
      fstab.add("/dev/" + device, target("/dev/" + device), "none", "bind");
    }
    fstab.add("devpts", target("/dev/pts"), "devpts", "newinstance,ptmxmode=0666,mode=0620");
    fstab.add("shm", target("/dev/shm"), "tmpfs", "nosuid,nodev,noexec,size=65536k");
    mountPoint(image, "/sys", true);
    if (ownSysfs) {
      fstab.add("sysfs", target("/sys"), "sysfs", "ro,nosuid,nodev,noexec");
    }
    for (String file : HOST_FILES) {
      if (Files.isRegularFile(Path.of(file)) && mountPoint(image, file, false)) {
        fstab.add(file, target(file), "none", "bind,ro");
      }
    }
    addMounts(request, image, fstab, inUserNamespace);
    String workingDirectory = request.workingDirectory();
    if (!workingDirectory.equals("/")) {
      refuseSymlinks(image, workingDirectory);
      Files.createDirectories(stub.resolve(workingDirectory.substring(1)));
    }
    Files.writeString(this.fstab, fstab.text(root), StandardCharsets.UTF_8);
  }

  /**
   * Adds the request's own mounts after the standard ones; a layer bind first gets its overlay in
   * the scratch area and becomes a plain bind from there.
   */
  private void addMounts(
      SandboxRequest request, LayerLookup image, Fstab fstab, boolean inUserNamespace)
      throws IOException, SandboxException {
    int layerBinds = 0;
    for (SandboxMount requested : request.mounts()) {
      SandboxMount mount = requested;
      boolean directory;
      if (requested instanceof SandboxMount.LayerBind layered) {
        Path binds = root.resolveSibling("binds").resolve(Integer.toString(layerBinds++));
        LayerMounts.Prepared prepared =
            LayerMounts.prepare(layered, binds, request.layersDirectory(), inUserNamespace, fstab);
        mount = prepared.bind();
        directory = prepared.directory();
      } else {
        directory = !(mount instanceof SandboxMount.Bind bind) || Files.isDirectory(bind.source());
      }
      if (mount.target().startsWith("/dev/")) {
        devMountPoint(mount.target(), directory);
        fstab.add(mount);
        continue;
      }
      if (!mountPoint(image, mount.target(), directory)) {
        throw new SandboxException(
            "cannot mount at " + mount.target() + ": the image has a file of another kind there");
      }
      fstab.add(mount);
    }
  }

  /**
   * Makes sure a mount point exists for {@code target}: the image's own entry, or one in the stub
   * layer. Returns false when the image has something unsuitable there (a deleted entry hides the
   * stub) and the mount should be left out.
   */
  private boolean mountPoint(LayerLookup image, String target, boolean directory)
      throws IOException, SandboxException {
    refuseSymlinks(image, target);
    LayerLookup.Kind kind = image.kind(target);
    if (kind == LayerLookup.Kind.WHITEOUT) {
      return false;
    }
    if (kind == LayerLookup.Kind.DIRECTORY) {
      return directory;
    }
    if (kind == LayerLookup.Kind.OTHER) {
      return !directory;
    }
    Path stubPath = stub.resolve(target.substring(1));
    Files.createDirectories(stubPath.getParent());
    if (directory) {
      Files.createDirectories(stubPath);
    } else if (!Files.exists(stubPath)) {
      Files.createFile(stubPath);
    }
    return true;
  }

  /** Mount points under {@code /dev} live in the per-run {@code /dev}, which hides the image's. */
  private void devMountPoint(String target, boolean directory) throws IOException {
    Path path = dev.resolve(target.substring("/dev/".length()));
    Files.createDirectories(path.getParent());
    if (directory) {
      Files.createDirectories(path);
    } else if (!Files.exists(path)) {
      Files.createFile(path);
    }
  }

  private static void refuseSymlinks(LayerLookup image, String target)
      throws IOException, SandboxException {
    Optional<String> link = image.symlinkOnPath(target);
    if (link.isPresent()) {
      throw new SandboxException(
          target
              + " passes through the symbolic link "
              + link.get()
              + " in the image; a mount must not follow links out of the image");
    }
  }

  private void writeDev() throws IOException {
    Files.createDirectory(dev);
    for (String device : DEVICES) {
      Files.createFile(dev.resolve(device));
    }
    Files.createDirectory(dev.resolve("pts"));
    Files.createDirectory(dev.resolve("shm"));
    Files.createSymbolicLink(dev.resolve("ptmx"), Path.of("pts/ptmx"));
    Files.createSymbolicLink(dev.resolve("fd"), Path.of("/proc/self/fd"));
    Files.createSymbolicLink(dev.resolve("stdin"), Path.of("/proc/self/fd/0"));
    Files.createSymbolicLink(dev.resolve("stdout"), Path.of("/proc/self/fd/1"));
    Files.createSymbolicLink(dev.resolve("stderr"), Path.of("/proc/self/fd/2"));
  }

  private String target(String absolutePath) {
    return root + absolutePath;
  }

  /** The overlay lowerdir option: the image's layers, topmost first, then the stub layer. */
  private String lowerDirs(SandboxRequest request) {
    List<String> lowers = new ArrayList<>(request.lowerLayers());
    lowers.add(stub.toAbsolutePath().toString());
    return String.join(":", lowers);
  }

  /** Whether the setup finished and the command was started. */
  boolean ready() {
    return Files.exists(readyMarker);
  }

  /** What the setup reported, for an error message. */
  String setupLog() {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "the setup stopped without a message" : text;
    } catch (IOException e) {
      return "the setup stopped before writing its log";
    }
  }
}
