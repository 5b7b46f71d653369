package org.iechorfile.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {

  @Test
  void parse_bearer_realmServiceScope() {
    AuthChallenge c =
        AuthChallenge.parse(
            "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:library/busybox:pull\"");
    assertTrue(c.isBearer());
    assertEquals(Optional.of("https://auth.docker.io/token"), c.parameter("realm"));
    assertEquals(Optional.of("registry.docker.io"), c.parameter("service"));
    assertEquals(Optional.of("repository:library/busybox:pull"), c.parameter("scope"));
  }

  @Test
  void parse_quotedCommasAndEscapes_keptInValue() {
    AuthChallenge c =
        AuthChallenge.parse(
            "bearer realm=\"http://127.0.0.1:1/t\", scope=\"repository:a:pull,push\","
                + " error=\"say \\\"hi\\\"\"");
    assertEquals(Optional.of("repository:a:pull,push"), c.parameter("scope"));
    assertEquals(Optional.of("say \"hi\""), c.parameter("error"));
  }

  @Test
  void parse_basicUnquoted_parameters() {
    AuthChallenge c = AuthChallenge.parse("Basic realm=Registry");
    assertTrue(c.isBasic());
    assertEquals(Optional.of("Registry"), c.parameter("realm"));
    assertEquals(Optional.empty(), c.parameter("service"));
  }

  @Test
  void parse_noScheme_throws() {
    assertThrows(IllegalArgumentException.class, () -> AuthChallenge.parse("realm=\"x\""));
    assertThrows(IllegalArgumentException.class, () -> AuthChallenge.parse("  "));
  }
}
