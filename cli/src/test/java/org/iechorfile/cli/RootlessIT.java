package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.iechorfile.engine.registry.CredentialSource;
import org.iechorfile.engine.testing.RegistryExtension;
import org.iechorfile.engine.testing.UnprivilegedUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./iechorfile} run by ordinary users through the real launcher: one with subordinate ids (a
 * session with RUN as root and as another user, COPY --chown, undo and a saved image that podman
 * loads with the right owners; {@code build}; a notebook through the kernel it installed with
 * {@code kernel install --user}), and one without (told what is missing and how to fix it, and
 * everything but another uid still works).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RootlessIT {

  @RegisterExtension static final RegistryExtension REGISTRY = RegistryExtension.open();

  static final Path LAUNCHER = Path.of("../iechorfile").toAbsolutePath().normalize();
  static final Path JAR = Path.of("target/iechorfile.jar").toAbsolutePath();

  static final String SESSION =
      String.join(
          "\n",
          "FROM busybox",
          "RUN id -u > /root-made && echo root-run:$(cat /root-made)",
          "RUN rm /bin/vi && rm -r /var && mkdir /var && touch /var/fresh",
          "USER app",
          "RUN echo app-run:$(id -u) && touch /tmp/app-made",
          "RUN --mount=type=cache,target=/cache,uid=1000 touch /cache/x"
              + " && echo cache-owner:$(stat -c %u:%g /cache)",
          "RUN --mount=type=bind,source=hello.txt,target=/mnt/hello.txt"
              + " echo bound:$(cat /mnt/hello.txt)",
          "COPY --chown=1000:1000 hello.txt /home/app/hello.txt",
          "RUN touch /tmp/undone",
          "%undo",
          "");

  @TempDir static Path scratch;
  private static Path stage;
  private static UnprivilegedUser user;

  @BeforeAll
  static void setUp() throws Exception {
    REGISTRY.pushBusybox(CredentialSource.ANONYMOUS);
    user = UnprivilegedUser.withSubordinateIds("iechorfile-it");
    stage = stageLauncher();
  }

  @AfterEach
  void killLeftovers() {
    user.killLeftovers();
  }

  @AfterAll
  static void removeStage() throws Exception {
    UnprivilegedUser.root(
        "rm",
        "-rf",
        "--one-file-system",
        stage.toString(),
        scratch.resolve("podman-storage").toString());
  }

  @Test
  void session_asOrdinaryUser_savesAnImageWithTheImagesOwners() throws Exception {
    Path work = user.newDirectory("iechorfile-it-");
    try {
      Files.writeString(work.resolve("hello.txt"), "hello\n");
      user.own(work);
      Path archive = work.resolve("image.tar");
      UnprivilegedUser.Result result =
          launcher(work, SESSION + "%save " + archive + " --format docker-archive\n");

      assertEquals(0, result.exitCode(), result.output());
      assertTrue(result.output().contains("root-run:0"), result.output());
      assertTrue(result.output().contains("app-run:1000"), result.output());
      assertTrue(result.output().contains("cache-owner:1000:0"), result.output());
      assertTrue(result.output().contains("bound:hello"), result.output());
      assertEquals(List.of(), user.processes(), "processes left behind");

      Map<String, String> owners = DockerArchives.layerOwners(archive);
      assertEquals("0:0", owners.get("root-made"), owners::toString);
      assertEquals("1000:1000", owners.get("tmp/app-made"), owners::toString);
      assertEquals("1000:1000", owners.get("home/app/hello.txt"), owners::toString);
      assertEquals("1000:1000", owners.get("home/app/"), owners::toString);
      assertFalse(owners.containsKey("tmp/undone"), owners::toString);
      assertEquals("0:0", owners.get("bin/.wh.vi"), owners::toString);
      assertTrue(owners.containsKey("var/.wh..wh..opq"), owners::toString);
      owners.forEach(
          (name, owner) ->
              assertFalse(owner.matches("\\d{6,}:.*|.*:\\d{6,}"), name + " is owned by " + owner));

      String inside =
          Podman.in(scratch)
              .loadAndRun(
                  archive,
                  "sh",
                  "-c",
                  "stat -c '%n %u:%g' /root-made /tmp/app-made /home/app/hello.txt"
                      + " && test ! -e /bin/vi && echo vi-removed");
      assertEquals(
          "/root-made 0:0\n/tmp/app-made 1000:1000\n/home/app/hello.txt 1000:1000\nvi-removed\n",
          inside);
    } finally {
      UnprivilegedUser.root("rm", "-rf", "--one-file-system", work.toString());
    }
  }

  @Test
  void build_asOrdinaryUser_writesAnArchiveWithTheImagesOwners() throws Exception {
    Path work = user.newDirectory("iechorfile-it-");
    try {
      Files.writeString(work.resolve("hello.txt"), "hello\n");
      Files.writeString(
          work.resolve("iEchorfile"),
          "FROM busybox\nUSER app\nRUN touch /tmp/app-made\n"
              + "COPY --chown=1000:1000 hello.txt /home/app/hello.txt\n");
      user.own(work);
      UnprivilegedUser.Result result =
          user.run(
              work,
              environment(work),
              "",
              300,
              stage.resolve("iechorfile").toString(),
              "build",
              "--progress",
              "plain",
              "--output",
              "docker-archive:" + work.resolve("built.tar"),
              ".");

      assertEquals(0, result.exitCode(), result.output());
      Map<String, String> owners = DockerArchives.layerOwners(work.resolve("built.tar"));
      assertEquals("1000:1000", owners.get("tmp/app-made"), owners::toString);
      assertEquals("1000:1000", owners.get("home/app/hello.txt"), owners::toString);
      assertEquals(List.of(), user.processes(), "processes left behind");
    } finally {
      UnprivilegedUser.root("rm", "-rf", "--one-file-system", work.toString());
    }
  }

  @Test
  void notebook_throughTheKernelInstalledByTheUser_runsAsRootAndAsApp() throws Exception {
    JupyterClients.requireInstalled();
    Path work = user.newDirectory("iechorfile-it-");
    Path kernels = user.home().resolve(".local/share/jupyter/kernels/iechorfile");
    try {
      UnprivilegedUser.Result install =
          user.run(
              work,
              environment(work),
              "",
              120,
              stage.resolve("iechorfile").toString(),
              "kernel",
              "install",
              "--user");
      assertEquals(0, install.exitCode(), install.output());
      assertTrue(Files.isRegularFile(kernels.resolve("kernel.json")), install.output());
      assertTrue(
          Files.readString(kernels.resolve("kernel.json"))
              .contains("\"" + stage.resolve("iechorfile") + "\""),
          "the kernelspec does not start the launcher");

      Files.copy(JupyterClients.TESTS.resolve("run_cells.py"), work.resolve("run_cells.py"));
      user.own(work);
      UnprivilegedUser.Result run =
          user.run(
              work,
              environment(work),
              "",
              400,
              JupyterClients.PYTHON.toString(),
              "run_cells.py",
              work.toString(),
              "FROM busybox",
              "RUN echo root-run:$(id -u)",
              "USER app",
              "RUN touch /tmp/app-made && echo app-run:$(stat -c %u:%g /tmp/app-made)");

      assertEquals(0, run.exitCode(), run.output());
      assertTrue(run.output().contains("root-run:0"), run.output());
      assertTrue(run.output().contains("app-run:1000:1000"), run.output());
      assertFalse(run.output().contains("error"), run.output());
      assertEquals(List.of(), user.processes(), "processes left behind");
    } finally {
      UnprivilegedUser.root("rm", "-rf", "--one-file-system", work.toString(), kernels.toString());
    }
  }

  @Test
  void session_withoutSubordinateIds_saysWhatIsMissingAndRunsAsItsOwnId() throws Exception {
    UnprivilegedUser plain = UnprivilegedUser.withoutSubordinateIds("iechorfile-it-plain");
    Path work = plain.newDirectory("iechorfile-it-");
    try {
      String script =
          "FROM busybox\nRUN echo still-works:$(id -u)\nUSER 1000\nRUN echo never-printed\n";
      UnprivilegedUser.Result result =
          plain.run(work, environment(work), script, 300, stage.resolve("iechorfile").toString());

      String output = result.output();
      assertNotEquals(0, result.exitCode(), output);
      assertTrue(output.contains("iechorfile-it-plain has no subordinate ids"), output);
      assertTrue(
          output.contains(
              "sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535"
                  + " iechorfile-it-plain"),
          output);
      assertTrue(output.contains("still-works:0"), output);
      assertTrue(output.lines().noneMatch(line -> line.equals("never-printed")), output);
      assertTrue(output.contains("cannot run as uid 1000"), output);
      assertTrue(output.contains("/etc/subuid"), output);
      assertEquals(List.of(), plain.processes(), "processes left behind");
    } finally {
      plain.killLeftovers();
      UnprivilegedUser.root("rm", "-rf", "--one-file-system", work.toString());
    }
  }

  /**
   * Copies the launcher and the packaged jar into a fresh world-readable directory, laid out as in
   * a checkout ({@code iechorfile}, {@code cli/target/iechorfile.jar}), so the launcher finds its
   * jar up to date and runs it.
   */
  @Test
  void session_withoutNewuidmap_saysHowToInstallItAndRunsAsItsOwnId() throws Exception {
    Path work = user.newDirectory("iechorfile-it-");
    try {
      Path bin = toolbox(work);
      Files.createSymbolicLink(bin.resolve("unshare"), Path.of("/usr/bin/unshare"));
      user.own(work);
      Map<String, String> env = new HashMap<>(environment(work));
      env.put("PATH", bin.toString());
      UnprivilegedUser.Result result =
          user.run(
              work,
              env,
              "FROM busybox\nRUN echo still-works:$(id -u)\n",
              300,
              stage.resolve("iechorfile").toString());

      assertEquals(0, result.exitCode(), result.output());
      assertTrue(result.output().contains("iechorfile: newuidmap is missing"), result.output());
      assertTrue(result.output().contains("sudo apt-get install uidmap"), result.output());
      assertTrue(result.output().contains("still-works:0"), result.output());
      assertEquals(List.of(), user.processes(), "processes left behind");
    } finally {
      UnprivilegedUser.root("rm", "-rf", "--one-file-system", work.toString());
    }
  }

  @Test
  void launcher_userNamespacesRefused_namesTheSettingToChange() throws Exception {
    Path work = user.newDirectory("iechorfile-it-");
    try {
      Path bin = toolbox(work);
      Files.writeString(
          bin.resolve("unshare"),
          "#!/bin/sh\necho 'unshare: unshare failed: Operation not permitted' >&2\nexit 1\n");
      Files.setPosixFilePermissions(
          bin.resolve("unshare"), PosixFilePermissions.fromString("rwxr-xr-x"));
      user.own(work);
      Map<String, String> env = new HashMap<>(environment(work));
      env.put("PATH", bin.toString());
      UnprivilegedUser.Result result =
          user.run(work, env, "FROM busybox\n", 60, stage.resolve("iechorfile").toString());

      assertEquals(71, result.exitCode(), result.output());
      assertTrue(
          result
              .output()
              .contains(
                  "does not let ordinary users create user namespaces (unshare: unshare failed:"
                      + " Operation not permitted)"),
          result.output());
      assertTrue(
          result.output().contains("sudo sysctl -w user.max_user_namespaces=15000"),
          result.output());
    } finally {
      UnprivilegedUser.root("rm", "-rf", "--one-file-system", work.toString());
    }
  }

  /**
   * A directory for PATH with only what the launcher needs besides {@code unshare} and {@code
   * newuidmap}, which each test supplies or leaves out.
   */
  private static Path toolbox(Path work) throws IOException {
    Path bin = Files.createDirectories(work.resolve("bin"));
    for (String tool :
        List.of("bash", "basename", "dirname", "readlink", "find", "id", "grep", "uname")) {
      Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
    }
    Files.createSymbolicLink(bin.resolve("java"), Path.of(JupyterClients.javaLauncher()));
    return bin;
  }

  private static Path stageLauncher() throws IOException {
    if (!Files.isRegularFile(JAR)) {
      fail(JAR + " is missing; the cli module's package phase builds it before the ITs");
    }
    Path stage = Files.createTempDirectory(Path.of("/tmp"), "iechorfile-stage-");
    Files.createDirectories(stage.resolve("cli/target"));
    Files.copy(LAUNCHER, stage.resolve("iechorfile"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(JAR, stage.resolve("cli/target/iechorfile.jar"));
    for (Path dir : List.of(stage, stage.resolve("cli"), stage.resolve("cli/target"))) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.setPosixFilePermissions(
        stage.resolve("iechorfile"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(
        stage.resolve("cli/target/iechorfile.jar"), PosixFilePermissions.fromString("rw-r--r--"));
    return stage;
  }

  private UnprivilegedUser.Result launcher(Path work, String script) throws Exception {
    return user.run(work, environment(work), script, 300, stage.resolve("iechorfile").toString());
  }

  private static Map<String, String> environment(Path work) {
    return Map.of(
        "IECHOR_HOME",
        work.resolve("store").toString(),
        "IECHOR_REGISTRY_MIRROR",
        "docker.io=" + REGISTRY.uri());
  }
}
