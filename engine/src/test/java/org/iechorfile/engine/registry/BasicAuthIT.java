package org.iechorfile.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.testing.BusyboxImage;
import org.iechorfile.engine.testing.RegistryExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BasicAuthIT {

  @RegisterExtension
  static final RegistryExtension REGISTRY = RegistryExtension.withBasicAuth("alice", "s3cret-pw");

  private static BusyboxImage busybox;

  @BeforeAll
  static void push() throws Exception {
    busybox = REGISTRY.pushBusybox(StaticCredentials.of(REGISTRY.host(), "alice", "s3cret-pw"));
  }

  @Test
  void resolve_rightCredentials_pulls() throws Exception {
    RegistryClient client =
        REGISTRY.client(StaticCredentials.of(REGISTRY.host(), "alice", "s3cret-pw"));
    ResolvedImage image =
        client.resolve(REGISTRY.reference("library/busybox"), Platform.LINUX_AMD64);
    assertEquals(busybox.manifestDigest(), image.digest());
    assertEquals(busybox.config(), client.fetchConfig(image));
  }

  @Test
  void resolve_noCredentials_unauthorizedSaysHowToLogIn() {
    UnauthorizedException e =
        assertThrows(
            UnauthorizedException.class,
            () ->
                REGISTRY
                    .client(CredentialSource.ANONYMOUS)
                    .resolve(REGISTRY.reference("library/busybox"), Platform.LINUX_AMD64));
    assertTrue(e.getMessage().contains("requires a user name and password"), e.getMessage());
    assertTrue(e.getMessage().contains("config.json"), e.getMessage());
  }

  @Test
  void resolve_wrongPassword_unauthorizedWithRegistryMessageNoSecret() {
    UnauthorizedException e =
        assertThrows(
            UnauthorizedException.class,
            () ->
                REGISTRY
                    .client(StaticCredentials.of(REGISTRY.host(), "alice", "wrong-pw"))
                    .resolve(REGISTRY.reference("library/busybox"), Platform.LINUX_AMD64));
    assertTrue(e.getMessage().contains("refused access to library/busybox"), e.getMessage());
    assertTrue(e.getMessage().contains("HTTP 401 UNAUTHORIZED"), e.getMessage());
    assertFalse(e.getMessage().contains("wrong-pw"), e.getMessage());
  }
}
