package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iechorfile.engine.tar.BackgroundDeletion;

/** The raw floor of a RUN: unshare + overlay mount of the state's layers + chroot true. */
final class SandboxFloor {

  private SandboxFloor() {}

  static void run(ImageState state, Path scratch) throws Exception {
    Path dir = Files.createTempDirectory(scratch, "floor");
    Path upper = Files.createDirectory(dir.resolve("u"));
    Path work = Files.createDirectory(dir.resolve("w"));
    Path merged = Files.createDirectory(dir.resolve("m"));
    List<String> lowers = new ArrayList<>();
    for (int i = state.layers().size() - 1; i >= 0; i--) {
      lowers.add(state.layers().get(i).directory().toString());
    }
    Process process =
        new ProcessBuilder(
                "unshare",
                "--mount",
                "--pid",
                "--fork",
                "--propagation",
                "private",
                "sh",
                "-ec",
                "mount -t overlay overlay -o lowerdir=$1,upperdir=$2,workdir=$3 $4; chroot $4 /bin/true",
                "floor",
                String.join(":", lowers),
                upper.toString(),
                work.toString(),
                merged.toString())
            .inheritIO()
            .start();
    assertEquals(0, process.waitFor());
    // Removed in the background, as the sandbox removes its own scratch area: the kernel lets go
    // of the mount points only once the namespace is gone, which no step waits for.
    BackgroundDeletion.delete(dir);
  }
}
