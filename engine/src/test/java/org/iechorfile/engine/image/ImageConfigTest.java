package org.iechorfile.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageConfigTest {

  private final ImageConfig base = ImageConfig.empty(Platform.LINUX_AMD64);

  @Test
  void withEnv_existingName_replacedInPlace() {
    ImageConfig config = base.withEnv("PATH", "/bin").withEnv("A", "1").withEnv("PATH", "/usr");
    assertEquals(List.of("PATH=/usr", "A=1"), config.config().env());
    assertEquals(Optional.of("/usr"), config.config().envValue("PATH"));
    assertEquals(List.of(), base.config().env());
  }

  @Test
  void withEnv_nameWithEquals_throws() {
    assertThrows(IllegalArgumentException.class, () -> base.withEnv("A=B", "1"));
  }

  @Test
  void withEntrypoint_afterCmd_clearsCmd() {
    ImageConfig config = base.withCmd(List.of("sh")).withEntrypoint(List.of("/bin/app"));
    assertEquals(List.of("/bin/app"), config.config().entrypoint());
    assertEquals(List.of(), config.config().cmd());
  }

  @Test
  void withLayer_addsDiffIdAndHistory() {
    Digest layer = Digest.sha256("layer");
    HistoryEntry entry = HistoryEntry.of(Instant.EPOCH, "RUN true", false);
    ImageConfig config = base.withLayer(layer, entry).withHistory(entry("ENV A=1"));
    assertEquals(List.of(layer), config.diffIds());
    assertEquals(2, config.history().size());
  }

  @Test
  void withHistory_layerEntry_throws() {
    assertThrows(
        IllegalArgumentException.class,
        () -> base.withHistory(HistoryEntry.of(Instant.EPOCH, "RUN true", false)));
  }

  @Test
  void withLayer_emptyLayerEntry_throws() {
    assertThrows(
        IllegalArgumentException.class, () -> base.withLayer(Digest.sha256("x"), entry("ENV A=1")));
  }

  @Test
  void runtimeConfig_collections_sortedAndIndependent() {
    RuntimeConfig config =
        RuntimeConfig.EMPTY
            .withExposedPort("8080/tcp")
            .withExposedPort("443/tcp")
            .withVolume("/data")
            .withLabel("b", "2")
            .withLabel("a", "1")
            .withOnBuild("RUN echo")
            .withShell(List.of("/bin/bash", "-c"))
            .withStopSignal("SIGINT")
            .withHealthcheck(Healthcheck.none())
            .withUser("app")
            .withWorkingDir("/app")
            .withArgsEscaped(true);
    assertEquals(List.of("443/tcp", "8080/tcp"), List.copyOf(config.exposedPorts()));
    assertEquals(List.of("a", "b"), List.copyOf(config.labels().keySet()));
    assertEquals(List.of("RUN echo"), config.onBuild());
    assertEquals(List.of(), config.withoutOnBuild().onBuild());
    assertEquals(List.of(), RuntimeConfig.EMPTY.onBuild());
  }

  private static HistoryEntry entry(String createdBy) {
    return HistoryEntry.of(Instant.EPOCH, createdBy, true);
  }
}
