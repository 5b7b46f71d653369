package org.iechorfile.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Docker credential helper, {@code docker-credential-NAME get}, with the server on standard
 * input, and reads {@code {"ServerURL","Username","Secret"}} from its standard output.
 */
final class CredentialHelper {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String name;
  private final List<Path> searchPath;

  /** The helper {@code docker-credential-NAME}, looked for in the directories of searchPath. */
  CredentialHelper(String name, List<Path> searchPath) {
    this.name = name;
    this.searchPath = searchPath;
  }

  private Path executable() throws CredentialsUnavailableException {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new CredentialsUnavailableException(
          "credential helper name \"" + name + "\" in config.json is not valid");
    }
    for (Path dir : searchPath) {
      Path candidate = dir.resolve(program());
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new CredentialsUnavailableException(
        "credential helper "
            + program()
            + " named in config.json is not on the PATH; install it or remove it from config.json");
  }

  String program() {
    return "docker-credential-" + name;
  }

  Optional<Credentials> get(String serverUrl)
      throws CredentialsUnavailableException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(List.of(executable().toString(), "get")).start();
    } catch (IOException e) {
      throw new CredentialsUnavailableException(
          "cannot run credential helper "
              + program()
              + " ("
              + e.getMessage()
              + "); install it or remove it from config.json",
          e);
    }
    try {
      FutureTask<byte[]> out = drain(process.getInputStream());
      FutureTask<byte[]> err = drain(process.getErrorStream());
      try (OutputStream in = process.getOutputStream()) {
        in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // The helper may exit before reading its input; its exit status tells what happened.
      }
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new CredentialsUnavailableException(
            program() + " did not answer within " + TIMEOUT.toSeconds() + " s");
      }
      String stdout = new String(out.get(), StandardCharsets.UTF_8);
      String stderr = new String(err.get(), StandardCharsets.UTF_8).trim();
      if (process.exitValue() != 0) {
        if ((stdout + stderr).contains("credentials not found")) {
          return Optional.empty();
        }
        throw new CredentialsUnavailableException(
            program() + " get failed with exit status " + process.exitValue() + ": " + stderr);
      }
      return Optional.of(parse(stdout));
    } catch (ExecutionException e) {
      throw new CredentialsUnavailableException("cannot read the output of " + program(), e);
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private Credentials parse(String stdout) throws CredentialsUnavailableException {
    JsonNode node;
    try {
      node = JSON.readTree(stdout);
    } catch (IOException e) {
      throw new CredentialsUnavailableException(program() + " get printed no valid JSON");
    }
    if (node == null || !node.path("Username").isTextual() || !node.path("Secret").isTextual()) {
      throw new CredentialsUnavailableException(
          program() + " get printed JSON without Username and Secret");
    }
    String user = node.get("Username").asText();
    String secret = node.get("Secret").asText();
    return new Credentials(user, secret, user.equals("<token>"));
  }

  /** Reads {@code stream} to its end on a thread of its own, so neither pipe can fill up. */
  private static FutureTask<byte[]> drain(InputStream stream) {
    FutureTask<byte[]> task =
        new FutureTask<>(
            () -> {
              try (stream) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                stream.transferTo(buffer);
                return buffer.toByteArray();
              }
            });
    Thread thread = new Thread(task, "credential-helper-drain");
    thread.setDaemon(true);
    thread.start();
    return task;
  }
}
