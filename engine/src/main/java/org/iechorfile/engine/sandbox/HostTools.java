package org.iechorfile.engine.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.tar.SystemPrograms;

/** The host programs the sandbox drives, found once on the usual system paths. */
record HostTools(Path shell, Path unshare, Path setpriv, Path mount) {

  /** The tools, or a list of what is missing with the package that provides each. */
  static Lookup find() {
    List<String> missing = new ArrayList<>();
    Path shell = locate("sh", "dash", missing);
    Path unshare = locate("unshare", "util-linux", missing);
    Path setpriv = locate("setpriv", "util-linux", missing);
    Path mount = locate("mount", "mount", missing);
    if (!missing.isEmpty()) {
      return new Lookup(Optional.empty(), missing);
    }
    return new Lookup(Optional.of(new HostTools(shell, unshare, setpriv, mount)), missing);
  }

  private static Path locate(String name, String debianPackage, List<String> missing) {
    Optional<Path> found = SystemPrograms.find(name);
    if (found.isPresent()) {
      return found.get();
    }
    missing.add(
        "the program '"
            + name
            + "' is not installed; install it with: apt-get install "
            + debianPackage);
    return Path.of(name);
  }

  /** The result of looking for the tools. */
  record Lookup(Optional<HostTools> tools, List<String> missing) {
    Lookup {
      missing = List.copyOf(missing);
    }
  }
}
