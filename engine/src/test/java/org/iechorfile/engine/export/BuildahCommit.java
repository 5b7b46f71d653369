package org.iechorfile.engine.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iechorfile.engine.testing.ExternalTools;

/** {@code buildah commit} of a scratch container holding a tree, in a storage of its own. */
final class BuildahCommit {

  private BuildahCommit() {}

  /** The seconds {@code buildah commit} takes for a container whose root holds {@code tree}. */
  static double seconds(Path tree, Path dir) throws Exception {
    ExternalTools.require("buildah", "buildah");
    Path root = Files.createDirectories(dir.resolve("buildah"));
    // buildah, like podman, refuses long run roots.
    Path runRoot = Files.createTempDirectory(Path.of("/tmp"), "buildah-run-");
    List<String> buildah =
        List.of(
            "buildah",
            "--root",
            root.toString(),
            "--runroot",
            runRoot.toString(),
            "--storage-driver",
            "vfs");
    try {
      String container = ExternalTools.run(with(buildah, "from", "scratch")).strip();
      String mount = ExternalTools.run(with(buildah, "mount", container)).strip();
      ExternalTools.run(List.of("cp", "-a", tree + "/.", mount));
      long start = System.nanoTime();
      ExternalTools.run(with(buildah, "commit", "--quiet", container, "bench-commit"));
      double seconds = (System.nanoTime() - start) / 1e9;
      ExternalTools.run(with(buildah, "rm", container));
      ExternalTools.run(with(buildah, "rmi", "--all", "--force"));
      return seconds;
    } finally {
      ExternalTools.run(List.of("rm", "-rf", "--one-file-system", runRoot.toString()));
      ExternalTools.run(List.of("rm", "-rf", "--one-file-system", root.toString()));
    }
  }

  private static List<String> with(List<String> base, String... args) {
    List<String> argv = new ArrayList<>(base);
    argv.addAll(List.of(args));
    return argv;
  }
}
