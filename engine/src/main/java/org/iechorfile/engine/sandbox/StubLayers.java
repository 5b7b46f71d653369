package org.iechorfile.engine.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.iechorfile.engine.tar.DirectoryTrees;

/**
 * The sandbox's own files beside the layers ({@code .sandbox} in the layers directory), shared by
 * every run on them: an empty directory every run mounts its root on (each in a mount namespace of
 * its own, so they never meet), and stub layers of mount points, one per set of paths, made once
 * and named by their content. A stub layer is stacked below the image's layers and supplies the
 * mount points the image lacks, so they never reach the new layer; like any lower layer it is never
 * written.
 */
final class StubLayers {

  static final String DIRECTORY = ".sandbox";

  private final Path layersDirectory;
  private final Path area;

  private StubLayers(Path layersDirectory) {
    this.layersDirectory = layersDirectory;
    this.area = layersDirectory.resolve(DIRECTORY);
  }

  /** The area of the layers in {@code layersDirectory}, created when missing. */
  static StubLayers in(Path layersDirectory) throws IOException {
    StubLayers stubs = new StubLayers(layersDirectory.toAbsolutePath());
    Files.createDirectories(stubs.root());
    Files.createDirectories(stubs.area.resolve("stubs"));
    return stubs;
  }

  /** The directory every run mounts its root on. */
  Path root() {
    return area.resolve("root");
  }

  /** The paths of one stub layer, each a directory or an empty file. */
  static final class Tree {
    private final Map<String, Boolean> entries = new TreeMap<>();

    /** Adds {@code relativePath} (no leading slash) and the directories above it. */
    void add(String relativePath, boolean directory) {
      while (relativePath.endsWith("/")) {
        relativePath = relativePath.substring(0, relativePath.length() - 1);
      }
      if (relativePath.isEmpty()) {
        return;
      }
      int slash = relativePath.indexOf('/');
      while (slash > 0) {
        entries.put(relativePath.substring(0, slash), true);
        slash = relativePath.indexOf('/', slash + 1);
      }
      entries.merge(relativePath, directory, (old, now) -> old || now);
    }

    private String key() {
      StringBuilder text = new StringBuilder();
      entries.forEach(
          (path, directory) -> text.append(directory ? 'd' : 'f').append(path).append('\0'));
      try {
        byte[] hash =
            MessageDigest.getInstance("SHA-256")
                .digest(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 12);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is missing from this JVM", e);
      }
    }
  }

  /**
   * The stub layer holding {@code tree}, made when no run has made it yet; its name relative to the
   * layers directory, for the overlay's lower directories.
   */
  String layer(Tree tree) throws IOException {
    Path stub = area.resolve("stubs").resolve(tree.key());
    if (!Files.isDirectory(stub)) {
      make(stub, tree);
    }
    return layersDirectory.relativize(stub).toString();
  }

  /**
   * Makes the layer beside its place and renames it there, so no run sees half of it; a layer
   * another run put there first stays.
   */
  static void make(Path stub, Tree tree) throws IOException {
    Path building = Files.createTempDirectory(stub.getParent(), ".building-");
    try {
      for (Map.Entry<String, Boolean> entry : tree.entries.entrySet()) {
        Path path = building.resolve(entry.getKey());
        if (entry.getValue()) {
          Files.createDirectories(path);
        } else {
          Files.createDirectories(path.getParent());
          Files.createFile(path);
        }
      }
      try {
        Files.move(building, stub, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileSystemException e) {
        // Another run may have made the same layer meanwhile (rename(2) says ENOTEMPTY then).
        if (!Files.isDirectory(stub)) {
          throw e;
        }
      }
    } finally {
      if (Files.exists(building)) {
        DirectoryTrees.delete(building);
      }
    }
  }
}
