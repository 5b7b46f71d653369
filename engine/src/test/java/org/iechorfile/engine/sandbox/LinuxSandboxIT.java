package org.iechorfile.engine.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.spi.SandboxException;
import org.iechorfile.engine.spi.SandboxMount;
import org.iechorfile.engine.spi.SandboxOutput;
import org.iechorfile.engine.spi.SandboxRequest;
import org.iechorfile.engine.spi.SandboxResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox for real: namespaces, overlay and a busybox root from Debian's busybox-static. */
@Timeout(60)
class LinuxSandboxIT {

  private static final Path BUSYBOX = Path.of("/bin/busybox");
  private static final List<String> ENV =
      List.of("PATH=/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/root");

  @TempDir static Path layers;
  @TempDir Path scratch;

  private final LinuxSandbox sandbox = new LinuxSandbox(Clock.systemUTC());
  private Path upper;
  private Path work;

  @BeforeAll
  static void buildBusyboxLayer() throws Exception {
    if (!Files.isExecutable(BUSYBOX)) {
      fail("/bin/busybox is missing: install the Debian package busybox-static (./run-tests does)");
    }
    Path base = Files.createDirectories(layers.resolve("1"));
    Files.createDirectories(base.resolve("bin"));
    Files.copy(BUSYBOX, base.resolve("bin/busybox"));
    Process list = new ProcessBuilder(BUSYBOX.toString(), "--list").start();
    for (String applet : new String(list.getInputStream().readAllBytes()).split("\n")) {
      if (!applet.isBlank() && !applet.equals("busybox")) {
        Files.createSymbolicLink(base.resolve("bin").resolve(applet), Path.of("busybox"));
      }
    }
    assertEquals(0, list.waitFor());
    Files.createDirectories(base.resolve("etc"));
    Files.writeString(base.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    Path tmp = Files.createDirectories(base.resolve("tmp"));
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path home = Files.createDirectories(base.resolve("home/app"));
    Files.setAttribute(home, "unix:uid", 1000);
    Files.setAttribute(home, "unix:gid", 1000);
  }

  @BeforeEach
  void freshUpper() throws IOException {
    upper = Files.createDirectory(scratch.resolve("upper"));
    work = Files.createDirectory(scratch.resolve("work"));
  }

  @Test
  void run_echo_streamsOutputAndSucceeds() throws Exception {
    Recorder output = new Recorder();
    SandboxResult result =
        sandbox.run(request("echo hello; echo oops >&2"), output, new Cancellation());
    assertTrue(result.succeeded());
    assertEquals("hello\n", output.stdout());
    assertEquals("oops\n", output.stderr());
  }

  @Test
  void run_hostname_isTheRequestsAndTheHostKeepsItsOwn() throws Exception {
    String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    Recorder output = new Recorder();
    SandboxResult result = sandbox.run(request("hostname"), output, new Cancellation());
    assertTrue(result.succeeded(), output.stderr());
    assertEquals("box\n", output.stdout());
    assertEquals(host, Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
  }

  @Test
  void run_failingCommand_reportsItsExitCode() throws Exception {
    SandboxResult result = sandbox.run(request("exit 3"), new Recorder(), new Cancellation());
    assertEquals(3, result.exitCode());
    assertFalse(result.succeeded());
  }

  @Test
  void run_writes_landInTheUpperDirectoryAndMountPointsDoNot() throws Exception {
    SandboxResult result =
        sandbox.run(
            request("echo data > /tmp/file; mkdir -p /opt/app"),
            new Recorder(),
            new Cancellation());
    assertTrue(result.succeeded());
    assertEquals("data\n", Files.readString(upper.resolve("tmp/file")));
    assertTrue(Files.isDirectory(upper.resolve("opt/app")));
    try (Stream<Path> top = Files.list(upper)) {
      assertEquals(
          List.of("opt", "tmp"), top.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void run_seesFreshProcAndMinimalDevAndHostResolvConf() throws Exception {
    Recorder output = new Recorder();
    SandboxResult result =
        sandbox.run(
            request(
                "echo pid=$$; ls /dev | tr '\\n' ' '; echo; cat /etc/resolv.conf > /dev/null && echo dns;"
                    + " echo x > /etc/resolv.conf || echo readonly"),
            output,
            new Cancellation());
    assertTrue(result.succeeded(), output.stderr());
    assertTrue(output.stdout().startsWith("pid=1\n"), output.stdout());
    assertTrue(output.stdout().contains("null "), output.stdout());
    assertTrue(output.stdout().contains("urandom "), output.stdout());
    assertFalse(output.stdout().contains("kvm"), output.stdout());
    assertTrue(output.stdout().contains("dns\nreadonly"), output.stdout());
    assertFalse(Files.exists(upper.resolve("etc"), LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void run_asRoot_hasDockersDefaultCapabilitiesOnly() throws Exception {
    Recorder output = new Recorder();
    sandbox.run(request("grep CapBnd /proc/self/status"), output, new Cancellation());
    assertEquals("CapBnd:\t00000000a80425fb\n", output.stdout());
  }

  @Test
  void run_asAnotherUser_createsFilesOwnedByThatUser() throws Exception {
    SandboxRequest base = request("id -u; echo x > /home/app/f");
    SandboxRequest asApp = withUser(base, 1000, 1000, "/home/app");
    Recorder output = new Recorder();
    assertTrue(sandbox.run(asApp, output, new Cancellation()).succeeded(), output.stderr());
    assertEquals("1000\n", output.stdout());
    assertEquals(1000, Files.getAttribute(upper.resolve("home/app/f"), "unix:uid"));
  }

  @Test
  void run_withSupplementaryGroups_runsWithThoseGroups() throws Exception {
    SandboxRequest grouped =
        new SandboxRequest(
            layers,
            List.of("1"),
            upper,
            work,
            sh("id -u; id -g; id -G"),
            ENV,
            "/",
            1000,
            1000,
            "box",
            true,
            List.of(),
            List.of(10, 2000));
    Recorder output = new Recorder();
    assertTrue(sandbox.run(grouped, output, new Cancellation()).succeeded(), output.stderr());
    assertEquals("1000\n1000\n1000 10 2000\n", output.stdout());
  }

  @Test
  void run_withoutSupplementaryGroups_runsWithThePrimaryGroupOnly() throws Exception {
    Recorder output = new Recorder();
    SandboxRequest asApp = withUser(request("id -G"), 1000, 50, "/");
    assertTrue(sandbox.run(asApp, output, new Cancellation()).succeeded(), output.stderr());
    assertEquals("50\n", output.stdout());
  }

  @Test
  void run_missingWorkingDirectory_startsThereWithoutKeepingIt() throws Exception {
    SandboxRequest base = request("pwd");
    SandboxRequest elsewhere = withUser(base, 0, 0, "/srv/www");
    Recorder output = new Recorder();
    assertTrue(sandbox.run(elsewhere, output, new Cancellation()).succeeded(), output.stderr());
    assertEquals("/srv/www\n", output.stdout());
    assertFalse(Files.exists(upper.resolve("srv")));
  }

  @Test
  void run_withoutNetwork_seesOnlyLoopback() throws Exception {
    SandboxRequest isolated = request(List.of("1"), sh("ls /sys/class/net"), false, List.of());
    Recorder output = new Recorder();
    assertTrue(sandbox.run(isolated, output, new Cancellation()).succeeded(), output.stderr());
    assertEquals("lo\n", output.stdout());
  }

  @Test
  void run_withMounts_bindsAndTmpfsAreUsableAndNotKept() throws Exception {
    Path cache = Files.createDirectory(scratch.resolve("cache"));
    Files.writeString(cache.resolve("seed"), "seeded\n");
    SandboxRequest mounted =
        withMounts(
            "cat /cache/seed; echo more > /cache/added; echo t > /scratch/t; cat /scratch/t",
            List.of(
                new SandboxMount.Bind(cache, "/cache", false),
                new SandboxMount.Tmpfs("/scratch", 1 << 20)));
    Recorder output = new Recorder();
    assertTrue(sandbox.run(mounted, output, new Cancellation()).succeeded(), output.stderr());
    assertEquals("seeded\nt\n", output.stdout());
    assertEquals("more\n", Files.readString(cache.resolve("added")));
    assertFalse(Files.exists(upper.resolve("cache")));
    assertFalse(Files.exists(upper.resolve("scratch")));
  }

  /** A second filesystem of one layer, "stage": /data/f, and /link pointing at the host's /etc. */
  private static void stageLayer() throws IOException {
    Path stage = layers.resolve("stage");
    if (!Files.exists(stage)) {
      Files.writeString(Files.createDirectories(stage.resolve("data")).resolve("f"), "staged\n");
      Files.createSymbolicLink(stage.resolve("link"), Path.of("/etc"));
    }
  }

  private SandboxRequest withMounts(String command, List<SandboxMount> mounts) {
    return request(List.of("1"), sh(command), true, mounts);
  }

  @Test
  void run_withLayerBind_readsTheLayersAndKeepsWritesOutOfThem() throws Exception {
    stageLayer();
    SandboxRequest mounted =
        withMounts(
            "cat /ro/f; echo w > /rw/data/w; cat /rw/data/w; echo x > /ro/x || echo refused",
            List.of(
                new SandboxMount.LayerBind(List.of("stage"), "/data", "/ro", true),
                new SandboxMount.LayerBind(List.of("stage"), "/", "/rw", false)));
    Recorder output = new Recorder();
    assertTrue(sandbox.run(mounted, output, new Cancellation()).succeeded(), output.stderr());
    assertEquals("staged\nw\nrefused\n", output.stdout());
    assertTrue(output.stderr().contains("Read-only file system"), output.stderr());
    assertFalse(Files.exists(layers.resolve("stage/data/w")));
    assertFalse(Files.exists(upper.resolve("ro")));
    assertFalse(Files.exists(upper.resolve("rw")));
  }

  @Test
  void run_withLayerBindOfNoLayers_mountsAnEmptyDirectory() throws Exception {
    SandboxRequest mounted =
        withMounts(
            "ls -A /ro /rw; touch /rw/x && ls /rw",
            List.of(
                new SandboxMount.LayerBind(List.of(), "/", "/ro", true),
                new SandboxMount.LayerBind(List.of(), "/", "/rw", false)));
    Recorder output = new Recorder();
    assertTrue(sandbox.run(mounted, output, new Cancellation()).succeeded(), output.stderr());
    assertEquals("/ro:\n\n/rw:\nx\n", output.stdout());
  }

  @Test
  void run_withLayerBindThroughALink_isRefused() throws Exception {
    stageLayer();
    SandboxRequest mounted =
        withMounts(
            "cat /m/hostname",
            List.of(new SandboxMount.LayerBind(List.of("stage"), "/link", "/m", true)));
    SandboxException e =
        assertThrows(
            SandboxException.class, () -> sandbox.run(mounted, new Recorder(), new Cancellation()));
    assertTrue(e.getMessage().contains("symbolic link /link"), e.getMessage());
  }

  @Test
  void run_unknownProgram_failsAsTheCommand() throws Exception {
    SandboxRequest missing = request(List.of("1"), List.of("/no/such/program"), true, List.of());
    Recorder output = new Recorder();
    SandboxResult result = sandbox.run(missing, output, new Cancellation());
    assertFalse(result.succeeded());
    assertTrue(output.stderr().contains("/no/such/program"), output.stderr());
  }

  @Test
  void run_mountTargetThroughImageSymlink_isRefused() throws Exception {
    Path linkLayer = Files.createDirectories(layers.resolve("link"));
    if (!Files.exists(linkLayer.resolve("var"), LinkOption.NOFOLLOW_LINKS)) {
      Files.createSymbolicLink(linkLayer.resolve("var"), Path.of("/etc"));
    }
    SandboxRequest escaping =
        request(
            List.of("link", "1"), sh("true"), true, List.of(new SandboxMount.Tmpfs("/var/x", 0)));
    SandboxException e =
        assertThrows(
            SandboxException.class,
            () -> sandbox.run(escaping, new Recorder(), new Cancellation()));
    assertTrue(e.getMessage().contains("symbolic link /var"), e.getMessage());
  }

  @Test
  void run_cancelled_killsTheWholeProcessTreeWithinASecond() throws Exception {
    Cancellation cancellation = new Cancellation();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try {
      timer.schedule(cancellation::cancel, 500, TimeUnit.MILLISECONDS);
      long start = System.nanoTime();
      SandboxResult result =
          sandbox.run(request("sleep 3071 & sleep 3071; wait"), new Recorder(), cancellation);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(result.cancelled());
      assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "took " + took);
    } finally {
      timer.shutdownNow();
    }
    // An unusual duration, so that no other process on the machine matches.
    Process ps = new ProcessBuilder("pgrep", "-f", "sleep 3071").start();
    String left = new String(ps.getInputStream().readAllBytes()).strip();
    ps.waitFor();
    assertEquals("", left, "processes left behind");
  }

  @Test
  void run_unknownProgram_exits127AsShellsDo() throws Exception {
    SandboxRequest missing = request(List.of("1"), List.of("no-such-program"), true, List.of());
    Recorder output = new Recorder();
    SandboxResult result = sandbox.run(missing, output, new Cancellation());
    assertEquals(127, result.exitCode());
    assertTrue(
        output.stderr().contains("cannot run no-such-program: No such file or directory"),
        output.stderr());
  }

  @Test
  void run_setupFails_saysWhatFailedAndLeavesNoLogBehind() throws Exception {
    // A bind source that is gone by the time of the mount, as a context directory may be.
    Path gone = scratch.resolve("gone");
    SandboxRequest planned =
        withMounts("true", List.of(new SandboxMount.Bind(gone, "/data", true)));
    SandboxException e =
        assertThrows(
            SandboxException.class, () -> sandbox.run(planned, new Recorder(), new Cancellation()));
    assertTrue(
        e.getMessage().startsWith("could not set up the sandbox: cannot bind " + gone),
        e.getMessage());
    try (Stream<Path> left = Files.list(scratch)) {
      assertEquals(
          List.of("upper", "work"), left.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void program_withoutThePrivilegeToMakeNamespaces_saysWhatRunNeeds() throws Exception {
    // A directory nobody can reach and write, with a copy of the program in it.
    Path open = Files.createTempDirectory(Path.of("/tmp"), "iechorfile-nobody-");
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path program = open.resolve("iechorfile-sandbox");
    Files.copy(SandboxProgram.locate(scratch.resolve("programs")).orElseThrow(), program);
    Path log = open.resolve("setup.log");
    // As nobody, outside any user namespace of its own: no CAP_SYS_ADMIN anywhere.
    Process process =
        new ProcessBuilder(
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                program.toString(),
                "--log",
                log.toString(),
                "--root",
                "/",
                "--wd",
                "/",
                "--hostname",
                "box",
                "--uid",
                "0",
                "--gid",
                "0",
                "--",
                "/bin/true")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertEquals(125, process.waitFor(), output);
    String reported = Files.readString(log);
    org.iechorfile.engine.tar.DirectoryTrees.delete(open);
    assertTrue(
        reported.startsWith(
            "cannot create the namespaces for RUN: Operation not permitted (RUN needs root"),
        reported);
  }

  @Test
  void run_asRoot_cannotReachTheHostsKernelSettingsOrHiddenFiles() throws Exception {
    // Docker's hidden paths that this kernel has: each must read as empty inside.
    StringBuilder hidden = new StringBuilder();
    StringBuilder expected = new StringBuilder("sysrq refused\nsys refused\n");
    for (String path :
        List.of("/proc/keys", "/proc/timer_list", "/proc/kcore", "/proc/acpi", "/sys/firmware")) {
      Path host = Path.of(path);
      if (Files.isDirectory(host)) {
        hidden.append(" ls -A ").append(path).append(" | wc -l;");
        expected.append("0\n");
      } else if (Files.exists(host)) {
        hidden.append(" wc -c < ").append(path).append(';');
        expected.append("0\n");
      }
    }
    assertTrue(hidden.length() > 0, "this kernel has none of the paths Docker hides");
    expected.append("Linux\n");
    Recorder output = new Recorder();
    // "h" only prints the help of the magic SysRq key to the kernel log, should the write succeed.
    SandboxResult result =
        sandbox.run(
            request(
                "echo h > /proc/sysrq-trigger || echo sysrq refused;"
                    + " echo 1 > /proc/sys/kernel/printk_ratelimit || echo sys refused;"
                    + hidden
                    + " cat /proc/sys/kernel/ostype"),
            output,
            new Cancellation());
    assertTrue(result.succeeded(), output.stderr());
    assertEquals(expected.toString(), output.stdout());
    assertTrue(output.stderr().contains("Read-only file system"), output.stderr());
  }

  @Test
  void run_asRoot_cannotMakeNamespacesOfItsOwnButForksAsUsual() throws Exception {
    Recorder output = new Recorder();
    SandboxResult result =
        sandbox.run(
            request(
                "unshare -U true 2>/dev/null && echo made || echo refused;"
                    + " unshare -r -m true 2>/dev/null && echo made || echo refused;"
                    + " (sleep 0.1; echo child) & wait; grep '^Seccomp:' /proc/self/status"),
            output,
            new Cancellation());
    assertTrue(result.succeeded(), output.stderr());
    assertEquals("refused\nrefused\nchild\nSeccomp:\t2\n", output.stdout());
  }

  /**
   * A 64-bit program making i386 system calls (int 0x80), as the programs of a linux/386 image do:
   * they work, and the filter holds for them too.
   */
  @Test
  @EnabledIfSystemProperty(named = "os.arch", matches = "amd64")
  void run_i386SystemCalls_workAndAreFilteredAlike() throws Exception {
    Path layer = Files.createDirectories(layers.resolve("compat/bin"));
    Path source = scratch.resolve("compat.c");
    Files.writeString(
        source,
        "#include <stdio.h>\n"
            + "static long call32(long nr, long a) {\n"
            + "  long ret;\n"
            + "  __asm__ volatile(\"int $0x80\" : \"=a\"(ret) : \"a\"(nr), \"b\"(a) : \"memory\");\n"
            + "  return ret;\n"
            + "}\n"
            + "int main(void) {\n"
            + "  printf(\"getpid %ld\\n\", call32(20, 0));\n"
            + "  printf(\"unshare %ld\\n\", call32(310, 0x10000000));\n"
            + "  return 0;\n"
            + "}\n");
    Process cc =
        new ProcessBuilder(
                "cc", "-static", "-O2", "-o", layer.resolve("compat").toString(), source.toString())
            .redirectErrorStream(true)
            .start();
    String ccOutput = new String(cc.getInputStream().readAllBytes());
    assertEquals(0, cc.waitFor(), ccOutput);
    Recorder output = new Recorder();
    SandboxResult result =
        sandbox.run(
            request(List.of("compat", "1"), List.of("/bin/compat"), true, List.of()),
            output,
            new Cancellation());
    assertTrue(result.succeeded(), output.stderr());
    assertEquals("getpid 1\nunshare -1\n", output.stdout(), "-1 is -EPERM");
  }

  @Test
  void run_dev_isAWritableTmpfsOfItsOwnThatNeverReachesTheLayer() throws Exception {
    Recorder output = new Recorder();
    SandboxResult result =
        sandbox.run(
            request(
                "grep ' /dev tmpfs' /proc/mounts | cut -d' ' -f4; echo made > /dev/mine;"
                    + " cat /dev/mine; ls -l /dev/fd | cut -c1; echo x > /dev/null && echo null"),
            output,
            new Cancellation());
    assertTrue(result.succeeded(), output.stderr());
    assertTrue(output.stdout().startsWith("rw,nosuid,size=65536k,mode=755"), output.stdout());
    assertTrue(output.stdout().contains("made\nl\nnull\n"), output.stdout());
    try (Stream<Path> top = Files.list(upper)) {
      assertEquals(List.of(), top.toList());
    }
  }

  @Test
  void run_twoAtOnce_eachGetsItsOwnRootOnTheSharedMountPoint() throws Exception {
    Path secondUpper = Files.createDirectory(scratch.resolve("upper2"));
    Path secondWork = Files.createDirectory(scratch.resolve("work2"));
    SandboxRequest second =
        new SandboxRequest(
            layers,
            List.of("1"),
            secondUpper,
            secondWork,
            sh("echo two > /which; sleep 0.3; cat /which"),
            ENV,
            "/",
            0,
            0,
            "box",
            true,
            List.of());
    var executor = Executors.newSingleThreadExecutor();
    try {
      Recorder secondOutput = new Recorder();
      var running = executor.submit(() -> sandbox.run(second, secondOutput, new Cancellation()));
      Recorder output = new Recorder();
      SandboxResult first =
          sandbox.run(
              request("echo one > /which; sleep 0.3; cat /which"), output, new Cancellation());
      assertTrue(first.succeeded(), output.stderr());
      assertTrue(running.get().succeeded(), secondOutput.stderr());
      assertEquals("one\n", output.stdout());
      assertEquals("two\n", secondOutput.stdout());
      assertEquals("one\n", Files.readString(upper.resolve("which")));
      assertEquals("two\n", Files.readString(secondUpper.resolve("which")));
    } finally {
      executor.shutdownNow();
    }
  }

  private SandboxRequest request(String script) {
    return request(List.of("1"), sh(script), true, List.of());
  }

  /** A request as root in {@code /} over {@code lowers} of {@link #layers}. */
  private SandboxRequest request(
      List<String> lowers, List<String> argv, boolean network, List<SandboxMount> mounts) {
    return new SandboxRequest(
        layers, lowers, upper, work, argv, ENV, "/", 0, 0, "box", network, mounts);
  }

  private static List<String> sh(String script) {
    return List.of("/bin/sh", "-c", script);
  }

  private SandboxRequest withUser(SandboxRequest r, int uid, int gid, String workingDirectory) {
    return new SandboxRequest(
        r.layersDirectory(),
        r.lowerLayers(),
        r.upperDirectory(),
        r.workDirectory(),
        r.argv(),
        r.environment(),
        workingDirectory,
        uid,
        gid,
        r.hostname(),
        r.network(),
        r.mounts());
  }

  /** Collects output from the reader threads. */
  static final class Recorder implements SandboxOutput {
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final List<String> chunks = new ArrayList<>();

    @Override
    public void stdout(String text) {
      out.append(text);
      synchronized (chunks) {
        chunks.add(text);
      }
    }

    @Override
    public void stderr(String text) {
      err.append(text);
    }

    String stdout() {
      return out.toString();
    }

    String stderr() {
      return err.toString();
    }
  }
}
