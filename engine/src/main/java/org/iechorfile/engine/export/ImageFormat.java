package org.iechorfile.engine.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The ways an image can be saved to files. */
public enum ImageFormat {
  /** An OCI image layout directory ({@code oci-layout}, {@code index.json}, {@code blobs/}). */
  OCI("oci"),
  /** An OCI image layout in one tar file, as {@code podman save --format oci-archive} writes it. */
  OCI_ARCHIVE("oci-archive"),
  /**
   * A {@code docker save} tar ({@code manifest.json}, {@code repositories}, {@code layer.tar}s).
   */
  DOCKER_ARCHIVE("docker-archive");

  private final String spelled;

  ImageFormat(String spelled) {
    this.spelled = spelled;
  }

  /** The name users type: {@code oci}, {@code oci-archive} or {@code docker-archive}. */
  public String spelled() {
    return spelled;
  }

  /** The format named {@code name} (any case), if there is one. */
  public static Optional<ImageFormat> parse(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.spelled.equals(wanted)).findFirst();
  }
}
