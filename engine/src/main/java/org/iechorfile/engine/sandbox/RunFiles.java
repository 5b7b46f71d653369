package org.iechorfile.engine.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iechorfile.engine.spi.SandboxException;
import org.iechorfile.engine.spi.SandboxMount;
import org.iechorfile.engine.spi.SandboxRequest;

/**
 * The per-command files of one sandbox run, all inside one scratch directory: the mount point of
 * the new root, the stub layer of mount points, and the setup log and ready marker.
 */
record RunFiles(Path root, Path stub, Path log, Path readyMarker) {

  /** Makes the files for {@code request} in {@code scratch}. */
  static RunFiles create(Path scratch, SandboxRequest request) throws SandboxException {
    RunFiles files =
        new RunFiles(
            scratch.resolve("root"),
            scratch.resolve("stub"),
            scratch.resolve("setup.log"),
            scratch.resolve("ready"));
    try {
      Files.createDirectory(files.root());
      Files.createDirectory(files.stub());
      for (String dir : stubDirectories(request)) {
        Files.createDirectories(files.stub().resolve(dir));
      }
      Path etc = Files.createDirectories(files.stub().resolve("etc"));
      Files.createFile(etc.resolve("resolv.conf"));
      Files.createFile(etc.resolve("hosts"));
      for (SandboxMount mount : request.mounts()) {
        Path target = files.stub().resolve(mount.target().substring(1));
        if (mount instanceof SandboxMount.Bind bind && !Files.isDirectory(bind.source())) {
          Files.createDirectories(target.getParent());
          Files.createFile(target);
        } else {
          Files.createDirectories(target);
        }
      }
    } catch (IOException e) {
      throw new SandboxException("cannot prepare mount points in " + scratch, e);
    }
    return files;
  }

  private static List<String> stubDirectories(SandboxRequest request) {
    List<String> dirs = new ArrayList<>(List.of("proc", "dev", "sys"));
    String workingDirectory = request.workingDirectory().replaceAll("^/+", "");
    if (!workingDirectory.isEmpty()) {
      dirs.add(workingDirectory);
    }
    return dirs;
  }

  /** The overlay lowerdir option: the image's layers, topmost first, then the stub layer. */
  String lowerDirs(SandboxRequest request) {
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
