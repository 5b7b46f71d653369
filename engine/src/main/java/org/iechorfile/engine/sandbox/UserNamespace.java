package org.iechorfile.engine.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Whether this process runs in a user namespace other than the initial one. */
final class UserNamespace {

  private UserNamespace() {}

  /**
   * True when {@code /proc/self/uid_map} maps anything but the whole id range onto itself, as it
   * does inside the launcher's rootless namespace.
   */
  static boolean current() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/self/uid_map"));
      return !(lines.size() == 1 && lines.get(0).trim().matches("0\\s+0\\s+4294967295"));
    } catch (IOException e) {
      return false;
    }
  }
}
