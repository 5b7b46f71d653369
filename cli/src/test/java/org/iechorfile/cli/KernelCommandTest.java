package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Launch launch =
        new Launch(
            Map.of("IECHOR_HOME", dir.resolve("home").toString()),
            new ByteArrayInputStream(new byte[0]),
            false,
            dir);
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
