package org.iechorfile.engine.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iechorfile.engine.spi.SandboxException;
import org.iechorfile.engine.spi.SandboxMount;
import org.iechorfile.engine.spi.SandboxRequest;

/**
 * What the sandbox program sets up for one run: the overlay of the image's layers and a stub layer
 * of the mount points they lack on the shared root mount point, a fresh {@code /proc}, a {@code
 * /dev} of its own (a tmpfs with the host's harmless devices bound in, as Docker's), sysfs,
 * Docker's read-only and hidden paths, the host's name files, and the request's own mounts. Nothing
 * is written for a run but the overlay's upper and work directories the request brings, and a
 * scratch directory (in their parent) for binds of other layers; the program writes the setup log
 * only when the setup fails.
 */
final class RunSetup {

  private static final List<String> DEVICES =
      List.of("null", "zero", "full", "random", "urandom", "tty");
  private static final List<String> DEVICE_LINKS =
      List.of(
          "ptmx", "pts/ptmx",
          "fd", "/proc/self/fd",
          "stdin", "/proc/self/fd/0",
          "stdout", "/proc/self/fd/1",
          "stderr", "/proc/self/fd/2");
  private static final List<String> HOST_FILES = List.of("/etc/resolv.conf", "/etc/hosts");

  /** What Docker keeps out of a container's reach in {@code /proc} and {@code /sys}. */
  private static final List<String> READ_ONLY =
      List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

  private static final List<String> MASKED =
      List.of(
          "/proc/asound",
          "/proc/acpi",
          "/proc/kcore",
          "/proc/keys",
          "/proc/latency_stats",
          "/proc/timer_list",
          "/proc/timer_stats",
          "/proc/sched_debug",
          "/proc/scsi",
          "/sys/firmware",
          "/sys/devices/virtual/powercap");

  private final SandboxRequest request;
  private final boolean inUserNamespace;
  private final StubLayers stubs;
  private final String root;
  private final Path log;
  private final LayerLookup image;
  private final StubLayers.Tree stub = new StubLayers.Tree();
  private final SetupSteps steps = new SetupSteps();
  private Path scratch;

  private RunSetup(SandboxRequest request, boolean inUserNamespace, StubLayers stubs) {
    this.request = request;
    this.inUserNamespace = inUserNamespace;
    this.stubs = stubs;
    this.root = stubs.root().toString();
    this.log =
        request
            .workDirectory()
            .toAbsolutePath()
            .resolveSibling(".sandbox-" + UUID.randomUUID() + ".log");
    this.image = new LayerLookup(request.layersDirectory(), request.lowerLayers());
  }

  /** Plans the run of {@code request}. */
  static RunSetup plan(SandboxRequest request, boolean inUserNamespace) throws SandboxException {
    try {
      RunSetup setup =
          new RunSetup(request, inUserNamespace, StubLayers.in(request.layersDirectory()));
      setup.planMounts();
      return setup;
    } catch (IOException e) {
      throw new SandboxException(
          "cannot prepare the sandbox's mount points in " + request.layersDirectory(), e);
    }
  }

  /** The root directory the command runs in (inside its mount namespace). */
  String root() {
    return root;
  }

  /** Where the program reports a failed setup. */
  Path log() {
    return log;
  }

  /** The program's arguments for the mounts and links. */
  List<String> arguments() {
    return steps.arguments();
  }

  /**
   * Plans the mounts. In a user namespace, overlayfs keeps its attributes in {@code user.overlay.*}
   * ({@code userxattr}), and sysfs can only be mounted with a network namespace of our own.
   */
  private void planMounts() throws IOException, SandboxException {
    boolean ownSysfs = !inUserNamespace || !request.network();
    mountPoint("/proc", true);
    steps.mount("proc", target("/proc"), "proc", "nosuid,nodev,noexec");
    mountPoint("/dev", true);
    steps.mount("tmpfs", target("/dev"), "tmpfs", "nosuid,strictatime,mode=755,size=65536k");
    for (String device : DEVICES) {
      steps.mount(
          "/dev/" + device, target("/dev/" + device), "none", "bind," + SetupSteps.MAKE_FILE);
    }
    steps.mount(
        "devpts",
        target("/dev/pts"),
        "devpts",
        SetupSteps.MAKE_DIRECTORY + ",newinstance,ptmxmode=0666,mode=0620");
    steps.mount(
        "shm",
        target("/dev/shm"),
        "tmpfs",
        SetupSteps.MAKE_DIRECTORY + ",nosuid,nodev,noexec,size=65536k");
    for (int i = 0; i < DEVICE_LINKS.size(); i += 2) {
      steps.symlink(DEVICE_LINKS.get(i + 1), target("/dev/" + DEVICE_LINKS.get(i)));
    }
    mountPoint("/sys", true);
    if (ownSysfs) {
      steps.mount("sysfs", target("/sys"), "sysfs", "ro,nosuid,nodev,noexec");
    }
    // As Docker's default spec: the host's kernel settings and a few revealing files stay out of
    // reach (writing "b" to /proc/sysrq-trigger would reboot the machine).
    READ_ONLY.forEach(path -> steps.readOnly(target(path)));
    MASKED.forEach(path -> steps.mask(target(path)));
    for (String file : HOST_FILES) {
      if (Files.isRegularFile(Path.of(file)) && mountPoint(file, false)) {
        steps.mount(file, target(file), "none", "bind,ro");
      }
    }
    addMounts();
    String workingDirectory = request.workingDirectory();
    // The command enters its working directory inside the new root, so a link on the way resolves
    // inside the image; only a directory missing on a plain path gets a stub.
    if (!workingDirectory.equals("/") && image.symlinkOnPath(workingDirectory).isEmpty()) {
      stub.add(workingDirectory.substring(1), true);
    }
    // The overlay goes first; its lower directories end with the stub layer, now complete.
    SetupSteps overlay = new SetupSteps();
    overlay.mount(
        "overlay",
        root,
        "overlay",
        "lowerdir="
            + lowerDirs()
            + ",upperdir="
            + request.upperDirectory().toAbsolutePath()
            + ",workdir="
            + request.workDirectory().toAbsolutePath()
            + (inUserNamespace ? ",userxattr" : ""));
    steps.prepend(overlay);
  }

  /**
   * Adds the request's own mounts after the standard ones; a layer bind first gets its overlay in
   * the scratch area and becomes a plain bind from there.
   */
  private void addMounts() throws IOException, SandboxException {
    int layerBinds = 0;
    for (SandboxMount requested : request.mounts()) {
      SandboxMount mount = requested;
      boolean directory;
      if (requested instanceof SandboxMount.LayerBind layered) {
        Path binds = scratch().resolve("binds").resolve(Integer.toString(layerBinds++));
        LayerMounts.Prepared prepared =
            LayerMounts.prepare(layered, binds, request.layersDirectory(), inUserNamespace, steps);
        mount = prepared.bind();
        directory = prepared.directory();
      } else {
        directory = !(mount instanceof SandboxMount.Bind bind) || Files.isDirectory(bind.source());
      }
      if (mount.target().startsWith("/dev/")) {
        steps.mount(mount, root, true, directory);
        continue;
      }
      if (!mountPoint(mount.target(), directory)) {
        throw new SandboxException(
            "cannot mount at " + mount.target() + ": the image has a file of another kind there");
      }
      steps.mount(mount, root, false, directory);
    }
  }

  /**
   * Makes sure a mount point exists for {@code target}: the image's own entry, or one in the stub
   * layer. Returns false when the image has something unsuitable there (a deleted entry hides the
   * stub) and the mount should be left out.
   */
  private boolean mountPoint(String target, boolean directory)
      throws IOException, SandboxException {
    refuseSymlinks(target);
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
    stub.add(target.substring(1), directory);
    return true;
  }

  private void refuseSymlinks(String target) throws IOException, SandboxException {
    Optional<String> link = image.symlinkOnPath(target);
    if (link.isPresent()) {
      throw new SandboxException(
          target
              + " passes through the symbolic link "
              + link.get()
              + " in the image; a mount must not follow links out of the image");
    }
  }

  /** The run's own scratch directory, made on first use. */
  private Path scratch() throws IOException {
    if (scratch == null) {
      Path parent = request.workDirectory().toAbsolutePath().getParent();
      scratch = Files.createTempDirectory(parent, ".sandbox-");
    }
    return scratch;
  }

  /** The scratch directory, if the run needed one. */
  Optional<Path> scratchDirectory() {
    return Optional.ofNullable(scratch);
  }

  private String target(String absolutePath) {
    return root + absolutePath;
  }

  /** The overlay lowerdir option: the image's layers, topmost first, then the stub layer. */
  private String lowerDirs() throws IOException {
    List<String> lowers = new ArrayList<>(request.lowerLayers());
    lowers.add(stubs.layer(stub));
    return String.join(":", lowers);
  }

  /** Whether the setup failed before the command was started (its log exists only then). */
  boolean failed() {
    return Files.exists(log);
  }

  /** What the setup reported, for an error message; the log is removed. */
  String failure() {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8).strip();
      Files.deleteIfExists(log);
      return text.isEmpty() ? "the setup stopped without a message" : text;
    } catch (IOException e) {
      return "the setup stopped before writing its log";
    }
  }
}
