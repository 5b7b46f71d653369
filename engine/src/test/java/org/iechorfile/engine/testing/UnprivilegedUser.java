package org.iechorfile.engine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * An ordinary (non-root) Linux user for the rootless tests and benchmarks, made idempotently with
 * {@code useradd --create-home}, with or without a subordinate id range in {@code /etc/subuid} and
 * {@code /etc/subgid}, and commands run as that user with {@code runuser}. The tests run as root
 * (as CI does); the user cannot read a checkout under {@code /root}, so what it runs must be staged
 * in a world-readable directory.
 */
public final class UnprivilegedUser {

  /** The subordinate range given to users that have one (clear of the usual 100000 ranges). */
  public static final int SUBORDINATE_FIRST = 524288;

  /** The size of that range. */
  public static final int SUBORDINATE_COUNT = 65536;

  private final String name;
  private final Path home;

  private UnprivilegedUser(String name, Path home) {
    this.name = name;
    this.home = home;
  }

  /** The user {@code name} with the subordinate range above, created or fixed up as needed. */
  public static UnprivilegedUser withSubordinateIds(String name)
      throws IOException, InterruptedException {
    UnprivilegedUser user = create(name);
    String range = SUBORDINATE_FIRST + "-" + (SUBORDINATE_FIRST + SUBORDINATE_COUNT - 1);
    for (String file : List.of("/etc/subuid", "/etc/subgid")) {
      if (!Files.exists(Path.of(file))) {
        // usermod refuses --add-subuids when the file is missing.
        Files.createFile(
            Path.of(file),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
      }
    }
    if (!user.hasLine(Path.of("/etc/subuid")) || !user.hasLine(Path.of("/etc/subgid"))) {
      user.removeLines(Path.of("/etc/subuid"));
      user.removeLines(Path.of("/etc/subgid"));
      root("usermod", "--add-subuids", range, "--add-subgids", range, name);
    }
    return user;
  }

  /** The user {@code name} with no line in {@code /etc/subuid} or {@code /etc/subgid}. */
  public static UnprivilegedUser withoutSubordinateIds(String name)
      throws IOException, InterruptedException {
    UnprivilegedUser user = create(name);
    user.removeLines(Path.of("/etc/subuid"));
    user.removeLines(Path.of("/etc/subgid"));
    return user;
  }

  private static UnprivilegedUser create(String name) throws IOException, InterruptedException {
    if (!"root".equals(System.getProperty("user.name"))) {
      fail("the rootless tests create users and must run as root (CI runs them as root)");
    }
    if (!Files.isExecutable(Path.of("/usr/bin/newuidmap"))) {
      fail("/usr/bin/newuidmap is missing; apt-get install uidmap (./run-tests does)");
    }
    if (exitCode("id", "-u", name) != 0) {
      root("useradd", "--create-home", "--shell", "/bin/sh", name);
    }
    String entry = root("getent", "passwd", name).strip();
    return new UnprivilegedUser(name, Path.of(entry.split(":")[5]));
  }

  public String name() {
    return name;
  }

  /** The user's home directory. */
  public Path home() {
    return home;
  }

  /**
   * Copies {@code sources} (files or directory trees) into a fresh world-readable directory under
   * {@code /tmp}, each under its own file name, for the user to read and run.
   */
  public static Path stage(List<Path> sources) throws IOException, InterruptedException {
    Path stage = Files.createTempDirectory(Path.of("/tmp"), "iechorfile-stage-");
    for (Path source : sources) {
      root("cp", "-a", source.toString(), stage.resolve(source.getFileName()).toString());
    }
    root("chmod", "-R", "a+rX", stage.toString());
    return stage;
  }

  /** A fresh directory under {@code /tmp} that belongs to the user. */
  public Path newDirectory(String prefix) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(Path.of("/tmp"), prefix);
    root("chown", name + ":", dir.toString());
    return dir;
  }

  /** Gives {@code path} (and everything under it) to the user. */
  public void own(Path path) throws IOException, InterruptedException {
    root("chown", "-R", name + ":", path.toString());
  }

  /**
   * Runs {@code argv} as the user in {@code directory} with only {@code environment} (plus PATH,
   * HOME, USER and LOGNAME), feeding it {@code stdin}; kills what is left of it after {@code
   * timeoutSeconds}.
   */
  public Result run(
      Path directory,
      Map<String, String> environment,
      String stdin,
      int timeoutSeconds,
      String... argv)
      throws IOException, InterruptedException {
    Map<String, String> env = new TreeMap<>();
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
    env.put("HOME", home.toString());
    env.put("USER", name);
    env.put("LOGNAME", name);
    env.putAll(environment);
    List<String> command = new ArrayList<>(List.of("runuser", "-u", name, "--", "env", "-i"));
    env.forEach((key, value) -> command.add(key + "=" + value));
    command.addAll(List.of(argv));
    Path log = Files.createTempFile("rootless-", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      boolean ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      if (!ended) {
        process.destroyForcibly().waitFor();
        fail(String.join(" ", argv) + " timed out after " + timeoutSeconds + " s:\n" + read(log));
      }
      return new Result(process.exitValue(), read(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** The user's processes still running (none should be once a command returned). */
  public List<String> processes() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().user().equals(Optional.of(name)))
        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
        .toList();
  }

  /**
   * Kills the user's processes that are still running (after a failed test; the user is the tests'
   * own, so all of them were started by the tests).
   */
  public void killLeftovers() {
    ProcessHandle.allProcesses()
        .filter(p -> p.info().user().equals(Optional.of(name)))
        .forEach(ProcessHandle::destroyForcibly);
  }

  private boolean hasLine(Path file) throws IOException {
    return Files.exists(file)
        && Files.readAllLines(file).stream().anyMatch(line -> line.startsWith(name + ":"));
  }

  private void removeLines(Path file) throws IOException {
    if (!hasLine(file)) {
      return;
    }
    List<String> kept =
        Files.readAllLines(file).stream().filter(line -> !line.startsWith(name + ":")).toList();
    Files.write(file, kept);
  }

  private static String read(Path log) throws IOException {
    return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
  }

  /** Runs a command as root (this process) and returns its output; fails on a non-zero exit. */
  public static String root(String... argv) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", argv) + " timed out");
    assertEquals(0, process.exitValue(), String.join(" ", argv) + ":\n" + output);
    return output;
  }

  private static int exitCode(String... argv) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    return process.waitFor();
  }

  /** A command's exit code and its output (standard output and error together). */
  public record Result(int exitCode, String output) {}
}
