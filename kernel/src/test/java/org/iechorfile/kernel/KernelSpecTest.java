package org.iechorfile.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecTest {

  @TempDir Path dir;

  private final KernelSpec spec =
      KernelSpec.forJar(Path.of("/usr/bin/java"), Path.of("/opt/iechorfile/iechorfile.jar"));

  @Test
  void writeTo_kernels_kernelJsonWithAbsoluteArgvAndMessageInterrupts() throws Exception {
    Path written = spec.writeTo(dir);
    assertEquals(dir.resolve("iechorfile"), written);
    JsonNode json = new ObjectMapper().readTree(written.resolve("kernel.json").toFile());
    assertEquals(
        "[\"/usr/bin/java\",\"-jar\",\"/opt/iechorfile/iechorfile.jar\",\"kernel\",\"run\","
            + "\"{connection_file}\"]",
        json.get("argv").toString());
    assertEquals("iEchorfile", json.get("display_name").asText());
    assertEquals("message", json.get("interrupt_mode").asText());
    assertEquals("dockerfile", json.get("language").asText());
    assertTrue(Files.size(written.resolve("logo-64x64.png")) > 0);
    assertTrue(Files.size(written.resolve("logo-32x32.png")) > 0);
  }

  @Test
  void writeTo_twice_sameFilesAndNoLeftovers() throws Exception {
    spec.writeTo(dir);
    byte[] first = Files.readAllBytes(dir.resolve("iechorfile/kernel.json"));
    spec.writeTo(dir);
    assertEquals(new String(first), Files.readString(dir.resolve("iechorfile/kernel.json")));
    try (var files = Files.list(dir.resolve("iechorfile"))) {
      assertEquals(3, files.count());
    }
  }

  @Test
  void forJar_withArchive_argvMapsTheArchiveWhenItIsThere() throws Exception {
    Path written =
        KernelSpec.forJar(
                Path.of("/usr/bin/java"),
                Path.of("/opt/iechorfile/iechorfile.jar"),
                Path.of("/opt/iechorfile/iechorfile.jsa"))
            .writeTo(dir);
    JsonNode json = new ObjectMapper().readTree(written.resolve("kernel.json").toFile());
    assertEquals(
        "[\"/usr/bin/java\",\"-XX:SharedArchiveFile=/opt/iechorfile/iechorfile.jsa\","
            + "\"-Xshare:auto\",\"-Xlog:cds=off\",\"-Xlog:cds+dynamic=off\",\"-jar\","
            + "\"/opt/iechorfile/iechorfile.jar\",\"kernel\",\"run\",\"{connection_file}\"]",
        json.get("argv").toString());
  }

  @Test
  void forLauncher_launcher_argvStartsTheLauncher() throws Exception {
    Path written = KernelSpec.forLauncher(Path.of("/opt/iechorfile/iechorfile")).writeTo(dir);
    JsonNode json = new ObjectMapper().readTree(written.resolve("kernel.json").toFile());
    assertEquals(
        "[\"/opt/iechorfile/iechorfile\",\"kernel\",\"run\",\"{connection_file}\"]",
        json.get("argv").toString());
  }

  @Test
  void forLauncher_relativePath_rejected() {
    assertThrows(
        IllegalArgumentException.class, () -> KernelSpec.forLauncher(Path.of("iechorfile")));
  }

  @Test
  void forJar_relativeJar_rejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> KernelSpec.forJar(Path.of("/usr/bin/java"), Path.of("iechorfile.jar")));
  }

  @Test
  void userKernels_environment_jupyterDataDirThenXdgThenHome() {
    Path home = Path.of("/home/u");
    assertEquals(
        Path.of("/j/kernels"), KernelSpec.userKernels(Map.of("JUPYTER_DATA_DIR", "/j"), home));
    assertEquals(
        Path.of("/x/jupyter/kernels"), KernelSpec.userKernels(Map.of("XDG_DATA_HOME", "/x"), home));
    assertEquals(
        Path.of("/home/u/.local/share/jupyter/kernels"), KernelSpec.userKernels(Map.of(), home));
  }

  @Test
  void kernelsUnderPrefix_prefix_shareJupyterKernels() {
    assertEquals(Path.of("/p/share/jupyter/kernels"), KernelSpec.kernelsUnderPrefix(Path.of("/p")));
  }
}
