package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a build secret ({@code RUN --mount=type=secret,id=ID}) comes from. The value is read only
 * when a step mounts it, is never written to a layer, and never appears in {@code toString}.
 */
public sealed interface SecretSource {

  /** The secret's value, or empty when its file or variable is missing. */
  Optional<byte[]> read() throws IOException;

  /**
   * A secret kept in a file.
   *
   * @param path the file
   */
  record FromFile(Path path) implements SecretSource {
    public FromFile {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public Optional<byte[]> read() throws IOException {
      return Files.isRegularFile(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
    }
  }

  /**
   * A secret in an environment variable of this process.
   *
   * @param variable the variable's name
   */
  record FromEnvironment(String variable) implements SecretSource {
    public FromEnvironment {
      Objects.requireNonNull(variable, "variable");
    }

    @Override
    public Optional<byte[]> read() {
      return Optional.ofNullable(System.getenv(variable))
          .map(v -> v.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
