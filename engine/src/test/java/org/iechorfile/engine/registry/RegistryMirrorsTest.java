package org.iechorfile.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryMirrorsTest {

  @Test
  void fromEnvironment_hubMirror_triedBeforeOrigin() {
    RegistryMirrors mirrors =
        RegistryMirrors.fromEnvironment(
            Map.of("IECHOR_REGISTRY_MIRROR", "docker.io=http://127.0.0.1:5000"));
    List<RegistryEndpoint> endpoints = mirrors.pullEndpoints("docker.io");
    assertEquals(2, endpoints.size());
    assertEquals(URI.create("http://127.0.0.1:5000"), endpoints.get(0).baseUri());
    assertTrue(endpoints.get(0).mirror());
    assertEquals(URI.create("https://registry-1.docker.io"), endpoints.get(1).baseUri());
    assertFalse(endpoints.get(1).mirror());
  }

  @Test
  void parse_severalEntries_keptPerRegistryInOrder() {
    RegistryMirrors mirrors =
        RegistryMirrors.parse(
            " docker.io=http://127.0.0.1:5000 , index.docker.io=https://m.example,"
                + "ghcr.io=https://g.example:8443 ");
    assertEquals(3, mirrors.pullEndpoints("docker.io").size());
    assertEquals(
        URI.create("https://m.example"), mirrors.pullEndpoints("docker.io").get(1).baseUri());
    assertEquals("g.example:8443", mirrors.pullEndpoints("ghcr.io").get(0).authority());
    assertEquals(1, mirrors.pullEndpoints("quay.io").size());
  }

  @Test
  void fromEnvironment_unset_none() {
    assertEquals(RegistryMirrors.NONE, RegistryMirrors.fromEnvironment(Map.of()));
  }

  @ParameterizedTest
  @CsvSource({
    "docker.io",
    "docker.io=",
    "=http://x",
    "docker.io=ftp://x",
    "docker.io=127.0.0.1:5000"
  })
  void parse_malformed_throwsNamingEntry(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RegistryMirrors.parse(text));
    assertTrue(e.getMessage().contains("IECHOR_REGISTRY_MIRROR entry"), e.getMessage());
    assertTrue(e.getMessage().contains("docker.io=http://127.0.0.1:5000"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1:5000, http://127.0.0.1:5000",
    "127.1.2.3, http://127.1.2.3",
    "localhost:5000, http://localhost:5000",
    "[::1]:5000, http://[::1]:5000",
    "10.0.0.1:5000, https://10.0.0.1:5000",
    "example.com, https://example.com",
    "127.0.0.1.example.com, https://127.0.0.1.example.com"
  })
  void origin_plainHttpOnlyForLoopback(String registry, String expected) {
    assertEquals(URI.create(expected), RegistryMirrors.origin(registry).baseUri());
  }
}
