package org.iechorfile.engine.tar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the host programs the engine runs (util-linux, attr, coreutils) in the directories Debian
 * installs them in, whatever the PATH of the process says, so an unusual PATH hides none of them.
 */
public final class SystemPrograms {

  private static final List<Path> DIRECTORIES =
      List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"), Path.of("/sbin"), Path.of("/bin"));

  private SystemPrograms() {}

  /** The executable {@code name} in a system directory; a name with a slash is taken as it is. */
  public static Optional<Path> find(String name) {
    if (name.contains("/")) {
      return Optional.of(Path.of(name));
    }
    for (Path directory : DIRECTORIES) {
      Path candidate = directory.resolve(name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
