package org.iechorfile.engine.registry;

import java.util.Optional;

/** Where the client gets credentials for a registry. Implementations must be thread-safe. */
@FunctionalInterface
public interface CredentialSource {

  /** No credentials for any registry: every request is anonymous. */
  CredentialSource ANONYMOUS = registry -> Optional.empty();

  /**
   * The credentials for {@code registry} (host and optional port as in the image reference, for
   * example {@code docker.io}), or empty to go anonymous.
   *
   * @throws CredentialsUnavailableException when a configured source of credentials fails
   * @throws InterruptedException when interrupted while a credential helper runs
   */
  Optional<Credentials> lookup(String registry)
      throws CredentialsUnavailableException, InterruptedException;
}
