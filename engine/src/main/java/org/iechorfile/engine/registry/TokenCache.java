package org.iechorfile.engine.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization header values per registry and scope, each kept until it expires. Basic credentials
 * never expire; bearer tokens expire at the time the token server gave, less a small margin.
 * Thread-safe.
 */
final class TokenCache {
  private record Key(String registry, String scope) {}

  private record Entry(String header, Instant expiresAt) {}

  private final Clock clock;
  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

  TokenCache(Clock clock) {
    this.clock = clock;
  }

  Optional<String> get(String registry, String scope) {
    Entry entry = entries.get(new Key(registry, scope));
    if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(entry.header());
  }

  void put(String registry, String scope, String header, Instant expiresAt) {
    entries.put(new Key(registry, scope), new Entry(header, expiresAt));
  }

  void remove(String registry, String scope) {
    entries.remove(new Key(registry, scope));
  }
}
