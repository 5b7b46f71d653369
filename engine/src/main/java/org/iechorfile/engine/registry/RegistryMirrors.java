package org.iechorfile.engine.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Mirrors per registry, from {@code IECHOR_REGISTRY_MIRROR} ({@code
 * docker.io=http://127.0.0.1:5000,ghcr.io=https://mirror.example}). Pulls try a registry's mirrors
 * first, then the registry. Registries are reached over HTTPS, except loopback hosts, which may be
 * plain HTTP as in Docker; a mirror uses the scheme its URL gives.
 *
 * @param mirrors mirror base URIs by registry host
 */
public record RegistryMirrors(Map<String, List<URI>> mirrors) {

  /** The environment variable the mirrors are read from. */
  public static final String ENVIRONMENT_VARIABLE = "IECHOR_REGISTRY_MIRROR";

  /** No mirrors. */
  public static final RegistryMirrors NONE = new RegistryMirrors(Map.of());

  public RegistryMirrors {
    Map<String, List<URI>> copy = new LinkedHashMap<>();
    mirrors.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    mirrors = Map.copyOf(copy);
  }

  /**
   * The mirrors named by {@code IECHOR_REGISTRY_MIRROR} in {@code environment}.
   *
   * @throws IllegalArgumentException when the variable is malformed, naming the bad entry
   */
  public static RegistryMirrors fromEnvironment(Map<String, String> environment) {
    String value = environment.getOrDefault(ENVIRONMENT_VARIABLE, "");
    return value.isBlank() ? NONE : parse(value);
  }

  /**
   * Parses {@code registry=URL[,registry=URL...]}.
   *
   * @throws IllegalArgumentException when an entry is malformed, naming it and the expected form
   */
  public static RegistryMirrors parse(String text) {
    Map<String, List<URI>> out = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int eq = trimmed.indexOf('=');
      if (eq <= 0 || eq == trimmed.length() - 1) {
        throw bad(trimmed, "expected REGISTRY=URL");
      }
      String registry = canonicalRegistry(trimmed.substring(0, eq).trim());
      URI uri;
      try {
        uri = new URI(trimmed.substring(eq + 1).trim());
      } catch (URISyntaxException e) {
        throw bad(trimmed, "the URL is malformed");
      }
      String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw bad(trimmed, "the URL must be http://HOST[:PORT] or https://HOST[:PORT]");
      }
      out.computeIfAbsent(registry, k -> new ArrayList<>()).add(uri);
    }
    return new RegistryMirrors(out);
  }

  private static IllegalArgumentException bad(String entry, String why) {
    return new IllegalArgumentException(
        ENVIRONMENT_VARIABLE
            + " entry \""
            + entry
            + "\" is invalid: "
            + why
            + " (e.g. docker.io=http://127.0.0.1:5000)");
  }

  private static String canonicalRegistry(String registry) {
    return switch (registry) {
      case "index.docker.io", "registry-1.docker.io" -> ImageReference.DOCKER_HUB;
      default -> registry;
    };
  }

  /** The endpoints to pull from for {@code registry}: its mirrors in order, then itself. */
  public List<RegistryEndpoint> pullEndpoints(String registry) {
    List<RegistryEndpoint> out = new ArrayList<>();
    for (URI uri : mirrors.getOrDefault(registry, List.of())) {
      out.add(new RegistryEndpoint(registry, uri, true));
    }
    out.add(origin(registry));
    return out;
  }

  /** The registry itself, over HTTPS, or plain HTTP for a loopback host. */
  public static RegistryEndpoint origin(String registry) {
    String host = registry.equals(ImageReference.DOCKER_HUB) ? "registry-1.docker.io" : registry;
    String scheme = isLoopback(registry) ? "http" : "https";
    return new RegistryEndpoint(registry, URI.create(scheme + "://" + host), false);
  }

  /** Whether {@code registry} (host with optional port) is a loopback address or localhost. */
  public static boolean isLoopback(String registry) {
    String host = registry;
    if (host.startsWith("[")) {
      host = host.substring(1, Math.max(1, host.indexOf(']')));
      return host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
    }
    int colon = host.indexOf(':');
    if (colon >= 0) {
      host = host.substring(0, colon);
    }
    return host.equals("localhost") || host.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
  }
}
