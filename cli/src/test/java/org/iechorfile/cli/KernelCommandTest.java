package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(60)
class KernelCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return run(Map.of("IECHOR_HOME", dir.resolve("home").toString()), args);
  }

  private int run(Map<String, String> environment, String... args) {
    Launch launch = new Launch(environment, new ByteArrayInputStream(new byte[0]), false, dir);
    CommandLine line = RootCommand.commandLine(launch);
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    return line.execute(args);
  }

  @Test
  void kernel_noSubcommand_usageListsInstall() {
    assertEquals(0, run("kernel"));
    assertTrue(out.toString().contains("install"), out::toString);
    assertTrue(!out.toString().contains("\n  run "), "run is hidden: " + out);
  }

  @Test
  void kernelInstall_fromClassesNotAJar_failsSayingHow() {
    assertEquals(1, run("kernel", "install", "--prefix", "p"));
    assertTrue(err.toString().contains("packaged jar; run it through ./iechorfile"), err::toString);
  }

  @Test
  void kernelInstall_userThroughTheLauncherInAUserNamespace_startsTheLauncherFromHome()
      throws Exception {
    Path launcher = Files.createFile(dir.resolve("iechorfile"));
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path home = dir.resolve("user");

    int status =
        run(
            Map.of(
                "HOME", home.toString(),
                "IECHOR_HOME", dir.resolve("store").toString(),
                "IECHOR_LAUNCHER", launcher.toString()),
            "kernel",
            "install",
            "--user");

    assertEquals(0, status, err::toString);
    JsonNode json =
        new ObjectMapper()
            .readTree(home.resolve(".local/share/jupyter/kernels/iechorfile/kernel.json").toFile());
    assertEquals(
        "[\"" + launcher + "\",\"kernel\",\"run\",\"{connection_file}\"]",
        json.get("argv").toString());
  }

  @Test
  void kernelInstall_userAndPrefixTogether_usageError() {
    assertEquals(2, run("kernel", "install", "--user", "--prefix", "p"));
  }

  @Test
  void kernelRun_missingConnectionFile_failsNamingIt() {
    assertEquals(1, run("kernel", "run", "nope.json"));
    assertTrue(err.toString().contains("nope.json: no such file"), err::toString);
  }

  @Test
  void kernelRun_badConnectionFile_failsSayingWhichKey() throws Exception {
    Files.writeString(dir.resolve("c.json"), "{\"transport\":\"tcp\",\"ip\":\"127.0.0.1\"}");
    assertEquals(1, run("kernel", "run", "c.json"));
    assertTrue(err.toString().contains("shell_port"), err::toString);
  }
}
