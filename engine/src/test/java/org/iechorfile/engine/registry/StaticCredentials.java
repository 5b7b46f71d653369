package org.iechorfile.engine.registry;

import java.util.Map;
import java.util.Optional;

/** Credentials from a fixed map, for tests. */
record StaticCredentials(Map<String, Credentials> byRegistry) implements CredentialSource {
  static StaticCredentials of(String registry, String user, String password) {
    return new StaticCredentials(Map.of(registry, Credentials.password(user, password)));
  }

  @Override
  public Optional<Credentials> lookup(String registry) {
    return Optional.ofNullable(byRegistry.get(registry));
  }
}
