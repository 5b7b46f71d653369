package org.iechorfile.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.testing.BusyboxImage;
import org.iechorfile.engine.testing.RegistryExtension;
import org.iechorfile.engine.testing.TokenServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TokenAuthIT {

  @RegisterExtension
  static final RegistryExtension REGISTRY = RegistryExtension.withTokenAuth("bob", "t0ken-pw");

  private static BusyboxImage busybox;

  @BeforeAll
  static void push() throws Exception {
    busybox = REGISTRY.pushBusybox(StaticCredentials.of(REGISTRY.host(), "bob", "t0ken-pw"));
  }

  private TokenServer tokens() {
    return REGISTRY.tokenServer().orElseThrow();
  }

  @Test
  void resolve_anonymous_pullsWithToken() throws Exception {
    RegistryClient client = REGISTRY.client(CredentialSource.ANONYMOUS);
    ResolvedImage image =
        client.resolve(REGISTRY.reference("library/busybox"), Platform.LINUX_AMD64);
    assertEquals(busybox.manifestDigest(), image.digest());
    assertEquals(busybox.config(), client.fetchConfig(image));
  }

  @Test
  void resolve_twice_tokenFetchedOncePerScope() throws Exception {
    RegistryClient client = REGISTRY.client(CredentialSource.ANONYMOUS);
    int before = tokens().requests().size();
    ImageReference ref = REGISTRY.reference("library/busybox");
    ResolvedImage image = client.resolve(ref, Platform.LINUX_AMD64);
    client.fetchConfig(image);
    client.resolve(ref, Platform.LINUX_AMD64);
    List<List<String>> made = tokens().requests().subList(before, tokens().requests().size());
    assertEquals(List.of(List.of("repository:library/busybox:pull")), made);
  }

  @Test
  void push_anonymous_unauthorizedNamesRepository() throws Exception {
    RegistryClient client = REGISTRY.client(CredentialSource.ANONYMOUS);
    UnauthorizedException e =
        assertThrows(
            UnauthorizedException.class,
            () -> busybox.pushTo(client, REGISTRY.reference("team/anon:1")));
    assertTrue(e.getMessage().contains("refused access to team/anon"), e.getMessage());
    assertTrue(e.getMessage().contains("~/.iechor/config.json"), e.getMessage());
  }

  @Test
  void push_withCredentials_tokenCoversPushAndPullsBack() throws Exception {
    RegistryClient client =
        REGISTRY.client(StaticCredentials.of(REGISTRY.host(), "bob", "t0ken-pw"));
    ImageReference target = REGISTRY.reference("team/app:2");
    busybox.pushTo(client, target);
    assertEquals(busybox.manifestDigest(), client.resolve(target, Platform.LINUX_AMD64).digest());
    assertTrue(tokens().requests().contains(List.of("repository:team/app:pull,push")));
  }

  @Test
  void resolve_wrongPassword_tokenServerRefusalReported() {
    RegistryClient client = REGISTRY.client(StaticCredentials.of(REGISTRY.host(), "bob", "not-it"));
    UnauthorizedException e =
        assertThrows(
            UnauthorizedException.class,
            () -> client.resolve(REGISTRY.reference("library/busybox"), Platform.LINUX_AMD64));
    assertTrue(e.getMessage().contains("refused the credentials of user bob"), e.getMessage());
    assertTrue(e.getMessage().contains("incorrect username or password"), e.getMessage());
    assertFalse(e.getMessage().contains("not-it"), e.getMessage());
  }
}
