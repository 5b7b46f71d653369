package org.iechorfile.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials from Docker-style {@code config.json} files, first file first: by default {@code
 * ~/.iechor/config.json}, then {@code ~/.docker/config.json}. In each file a registry's {@code
 * credHelpers} entry wins, then an {@code auths} entry with {@code auth} (base64 {@code
 * user:password}) or {@code username}/{@code password}, then the {@code credsStore} helper. Docker
 * Hub is looked up under {@code https://index.docker.io/v1/} as Docker writes it, and under its
 * other names. Files are read on each lookup, so logins take effect at once. Thread-safe.
 */
public final class DockerConfigCredentials implements CredentialSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HUB_KEY = "https://index.docker.io/v1/";

  private final List<Path> files;
  private final List<Path> helperPath;

  /**
   * Reads {@code files} in order (missing files are skipped) and runs credential helpers found in
   * the directories of {@code helperPath}.
   */
  public DockerConfigCredentials(List<Path> files, List<Path> helperPath) {
    this.files = List.copyOf(files);
    this.helperPath = List.copyOf(helperPath);
  }

  /**
   * The default files under {@code home} ({@code .iechor/config.json}, then {@code
   * .docker/config.json}), with helpers looked up on the {@code PATH} of {@code environment}.
   */
  public static DockerConfigCredentials inHome(Path home, Map<String, String> environment) {
    List<Path> path = new ArrayList<>();
    for (String dir : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        path.add(Path.of(dir));
      }
    }
    return new DockerConfigCredentials(
        List.of(home.resolve(".iechor/config.json"), home.resolve(".docker/config.json")), path);
  }

  @Override
  public Optional<Credentials> lookup(String registry)
      throws CredentialsUnavailableException, InterruptedException {
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        continue;
      }
      Optional<Credentials> found = lookupIn(file, read(file), registry);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static JsonNode read(Path file) throws CredentialsUnavailableException {
    try {
      JsonNode node = JSON.readTree(Files.readAllBytes(file));
      if (node == null || !node.isObject()) {
        throw new CredentialsUnavailableException(file + " is not a JSON object; fix or remove it");
      }
      return node;
    } catch (IOException e) {
      throw new CredentialsUnavailableException(
          "cannot read " + file + " (" + e.getMessage() + "); fix or remove it", e);
    }
  }

  private Optional<Credentials> lookupIn(Path file, JsonNode config, String registry)
      throws CredentialsUnavailableException, InterruptedException {
    List<String> keys = keysFor(registry);
    for (String key : keys) {
      JsonNode helper = config.path("credHelpers").path(key);
      if (helper.isTextual() && !helper.asText().isEmpty()) {
        return new CredentialHelper(helper.asText(), helperPath).get(serverUrl(registry));
      }
    }
    for (Map.Entry<String, JsonNode> entry : config.path("auths").properties()) {
      if (keys.contains(normalizeKey(entry.getKey()))) {
        Optional<Credentials> inline = inline(file, entry.getKey(), entry.getValue());
        if (inline.isPresent()) {
          return inline;
        }
      }
    }
    JsonNode store = config.path("credsStore");
    if (store.isTextual() && !store.asText().isEmpty()) {
      return new CredentialHelper(store.asText(), helperPath).get(serverUrl(registry));
    }
    return Optional.empty();
  }

  private static Optional<Credentials> inline(Path file, String key, JsonNode entry)
      throws CredentialsUnavailableException {
    if (entry.path("identitytoken").isTextual()
        && !entry.path("identitytoken").asText().isEmpty()) {
      return Optional.of(new Credentials("<token>", entry.get("identitytoken").asText(), true));
    }
    if (entry.path("auth").isTextual() && !entry.path("auth").asText().isEmpty()) {
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(entry.get("auth").asText().trim()),
                StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new CredentialsUnavailableException(
            file + ": auths[\"" + key + "\"].auth is not base64; log in again or fix it");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw new CredentialsUnavailableException(
            file + ": auths[\"" + key + "\"].auth is not user:password; log in again or fix it");
      }
      return Optional.of(
          Credentials.password(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
    if (entry.path("username").isTextual() && entry.path("password").isTextual()) {
      return Optional.of(
          Credentials.password(entry.get("username").asText(), entry.get("password").asText()));
    }
    return Optional.empty();
  }

  private static List<String> keysFor(String registry) {
    if (registry.equals(ImageReference.DOCKER_HUB)) {
      return List.of(HUB_KEY, "docker.io", "index.docker.io", "registry-1.docker.io");
    }
    return List.of(registry);
  }

  /** An {@code auths} key as a bare host: {@code https://host/v2/} becomes {@code host}. */
  private static String normalizeKey(String key) {
    if (key.equals(HUB_KEY)) {
      return key;
    }
    String host = key.replaceFirst("^[a-zA-Z]+://", "");
    int slash = host.indexOf('/');
    return slash >= 0 ? host.substring(0, slash) : host;
  }

  private static String serverUrl(String registry) {
    return registry.equals(ImageReference.DOCKER_HUB) ? HUB_KEY : registry;
  }
}
