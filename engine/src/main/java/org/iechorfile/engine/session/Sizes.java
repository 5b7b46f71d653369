package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Sizes of layer directories: bytes of regular files and the number of entries. */
final class Sizes {

  private Sizes() {}

  /** The bytes of regular-file content under {@code root}. */
  static long bytes(Path root) throws IOException {
    return measure(root)[0];
  }

  /** The entries (files, directories, links, whiteouts) under {@code root}, itself excluded. */
  static long entries(Path root) throws IOException {
    return measure(root)[1];
  }

  private static long[] measure(Path root) throws IOException {
    long[] totals = new long[2];
    if (!Files.isDirectory(root)) {
      return totals;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(root)) {
              totals[1]++;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            totals[1]++;
            if (attrs.isRegularFile()) {
              totals[0] += attrs.size();
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return totals;
  }
}
