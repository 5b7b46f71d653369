package org.iechorfile.engine.registry;

import java.net.URI;
import java.util.Objects;

/**
 * Where requests for one registry go: the registry itself or a mirror of it.
 *
 * @param registry the registry the image belongs to, as in the reference
 * @param baseUri the scheme, host and port requests are sent to (for example {@code
 *     http://127.0.0.1:5000})
 * @param mirror whether this is a mirror rather than the registry itself
 */
public record RegistryEndpoint(String registry, URI baseUri, boolean mirror) {

  public RegistryEndpoint {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(baseUri, "baseUri");
  }

  /** The host and port, as messages name it. */
  public String authority() {
    return baseUri.getRawAuthority();
  }

  /** The URI of {@code path} (which starts with {@code /v2/}) on this endpoint. */
  public URI resolve(String path) {
    String base = baseUri.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + path);
  }
}
