package org.iechorfile.engine.store;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes small files so that readers see the old content or the new, never a part. */
final class AtomicFiles {

  private AtomicFiles() {}

  /** Writes {@code content} to a synced temporary file in {@code tmp}, then renames it over. */
  static void write(Path target, byte[] content, Path tmp) throws IOException {
    Path part = Files.createTempFile(tmp, "write-", ".part");
    try {
      try (FileOutputStream out = new FileOutputStream(part.toFile())) {
        out.write(content);
        out.getFD().sync();
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(part);
    }
  }
}
