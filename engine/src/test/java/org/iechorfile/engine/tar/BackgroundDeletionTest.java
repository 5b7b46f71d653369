package org.iechorfile.engine.tar;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundDeletionTest {

  @TempDir Path temp;

  @Test
  void delete_treeWithLockedDirectory_isGoneWhenTheFutureCompletes() throws Exception {
    Path tree = temp.resolve("scratch");
    Files.createDirectories(tree.resolve("work/work"));
    Files.writeString(tree.resolve("fstab"), "proc /proc proc defaults\n");
    Files.setPosixFilePermissions(
        tree.resolve("work/work"), PosixFilePermissions.fromString("---------"));

    BackgroundDeletion.delete(tree).get(30, TimeUnit.SECONDS);

    assertFalse(Files.exists(tree));
    assertTrue(Files.isDirectory(temp));
  }

  @Test
  void delete_missingTree_completesQuietly() throws Exception {
    BackgroundDeletion.delete(temp.resolve("never-made")).get(30, TimeUnit.SECONDS);

    assertTrue(Files.isDirectory(temp));
  }
}
