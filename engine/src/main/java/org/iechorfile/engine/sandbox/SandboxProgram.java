package org.iechorfile.engine.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The native program that sets up a RUN's namespaces and mounts and starts its command ({@code
 * src/main/c/iechorfile-sandbox.c}, built with the engine). One program start does what would
 * otherwise take a shell, {@code mount}, {@code setpriv} and {@code unshare}, which is most of a
 * short RUN's cost.
 *
 * <p>From a class directory (the build's own tests) the program runs where the build put it; from a
 * jar it is copied out once into a directory of the store, under a name carrying its content's
 * digest, so that two versions never overwrite each other.
 */
final class SandboxProgram {

  static final String RESOURCE = "iechorfile-sandbox";

  private SandboxProgram() {}

  /**
   * The program's path, copying it into {@code directory} when it lives in a jar.
   *
   * @return empty when this build has no sandbox program (built without a C compiler)
   * @throws IOException when the program cannot be copied out
   */
  static Optional<Path> locate(Path directory) throws IOException {
    return locate(SandboxProgram.class.getResource(RESOURCE), directory);
  }

  /** The program at {@code url} (none when null), copied into {@code directory} unless a file. */
  static Optional<Path> locate(URL url, Path directory) throws IOException {
    if (url == null) {
      return Optional.empty();
    }
    if (url.getProtocol().equals("file")) {
      try {
        Path path = Path.of(url.toURI());
        if (Files.isExecutable(path)) {
          return Optional.of(path);
        }
      } catch (URISyntaxException e) {
        throw new IOException("unusable location of the sandbox program: " + url, e);
      }
    }
    return Optional.of(extract(url, directory));
  }

  /**
   * Removes the copies in {@code directory} of other versions of the program than this build's
   * (left by earlier builds).
   *
   * @return how many were removed
   */
  static int removeOthers(Path directory) throws IOException {
    URL url = SandboxProgram.class.getResource(RESOURCE);
    if (url == null || !Files.isDirectory(directory)) {
      return 0;
    }
    String current;
    try (InputStream in = url.openStream()) {
      current = RESOURCE + "-" + digest(in.readAllBytes());
    }
    int removed = 0;
    try (DirectoryStream<Path> copies = Files.newDirectoryStream(directory, RESOURCE + "-*")) {
      for (Path copy : copies) {
        if (!copy.getFileName().toString().equals(current) && Files.deleteIfExists(copy)) {
          removed++;
        }
      }
    }
    return removed;
  }

  private static Path extract(URL url, Path directory) throws IOException {
    byte[] content;
    try (InputStream in = url.openStream()) {
      content = in.readAllBytes();
    }
    Path target = directory.resolve(RESOURCE + "-" + digest(content));
    if (Files.isExecutable(target) && Files.size(target) == content.length) {
      return target;
    }
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, ".sandbox-", ".tmp");
    try {
      Files.write(temporary, content);
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rwxr-xr-x"));
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
    return target;
  }

  private static String digest(byte[] content) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
