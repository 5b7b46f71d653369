package org.iechorfile.engine.image;

/** The media types of OCI and Docker image documents and layers, as the specs spell them. */
public final class MediaTypes {
  /** OCI image manifest. */
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  /** OCI image index. */
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

  /** OCI image config. */
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";

  /** OCI uncompressed layer. */
  public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";

  /** OCI gzip-compressed layer. */
  public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";

  /** OCI zstd-compressed layer. */
  public static final String OCI_LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";

  /** OCI empty descriptor content ({@code {}}). */
  public static final String OCI_EMPTY = "application/vnd.oci.empty.v1+json";

  /** Docker image manifest, schema 2. */
  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";

  /** Docker manifest list (multi-platform). */
  public static final String DOCKER_MANIFEST_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";

  /** Docker image config. */
  public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";

  /** Docker gzip-compressed layer. */
  public static final String DOCKER_LAYER_GZIP =
      "application/vnd.docker.image.rootfs.diff.tar.gzip";

  /** Docker foreign (non-distributable) gzip-compressed layer. */
  public static final String DOCKER_FOREIGN_LAYER_GZIP =
      "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";

  private MediaTypes() {}

  /** Whether {@code mediaType} names a single-image manifest (OCI or Docker schema 2). */
  public static boolean isManifest(String mediaType) {
    return OCI_MANIFEST.equals(mediaType) || DOCKER_MANIFEST.equals(mediaType);
  }

  /** Whether {@code mediaType} names a multi-platform index (OCI index or Docker list). */
  public static boolean isIndex(String mediaType) {
    return OCI_INDEX.equals(mediaType) || DOCKER_MANIFEST_LIST.equals(mediaType);
  }

  /** Whether {@code mediaType} names a gzip-compressed layer. */
  public static boolean isGzipLayer(String mediaType) {
    return OCI_LAYER_GZIP.equals(mediaType)
        || DOCKER_LAYER_GZIP.equals(mediaType)
        || DOCKER_FOREIGN_LAYER_GZIP.equals(mediaType)
        || "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip".equals(mediaType);
  }

  /**
   * The value of an HTTP {@code Accept} header listing every manifest and index type this project
   * reads. Registries serve OCI manifests only to clients that list the OCI types.
   */
  public static String manifestAcceptHeader() {
    return String.join(", ", OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST);
  }
}
