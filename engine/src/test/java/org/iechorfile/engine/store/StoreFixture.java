package org.iechorfile.engine.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.iechorfile.engine.image.Digest;

/** Layers and image documents for store tests. */
final class StoreFixture {

  private StoreFixture() {}

  /** A gzipped layer of {@code files} small files under {@code dir/}, plus its diff_id. */
  record Layer(byte[] blob, Digest digest, Digest diffId) {}

  static Layer layer(String dir, int files) throws IOException {
    ByteArrayOutputStream tarBytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(tarBytes)) {
      TarArchiveEntry directory = new TarArchiveEntry(dir + "/");
      directory.setModTime(1_600_000_000_000L);
      tar.putArchiveEntry(directory);
      tar.closeArchiveEntry();
      for (int i = 0; i < files; i++) {
        byte[] content = (dir + " file " + i + "\n").repeat(50).getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(dir + "/f" + i);
        entry.setSize(content.length);
        entry.setModTime(1_600_000_000_000L);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(tarBytes.toByteArray());
    }
    return new Layer(
        gz.toByteArray(), Digest.sha256(gz.toByteArray()), Digest.sha256(tarBytes.toByteArray()));
  }

  static byte[] config(List<Layer> layers) {
    StringBuilder diffIds = new StringBuilder();
    for (Layer layer : layers) {
      diffIds
          .append(diffIds.length() == 0 ? "" : ",")
          .append('"')
          .append(layer.diffId())
          .append('"');
    }
    return ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
            + "\"diff_ids\":["
            + diffIds
            + "]}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] manifest(byte[] config, List<Layer> layers) {
    StringBuilder descriptors = new StringBuilder();
    for (Layer layer : layers) {
      descriptors
          .append(descriptors.length() == 0 ? "" : ",")
          .append(
              descriptor(
                  "application/vnd.oci.image.layer.v1.tar+gzip",
                  layer.digest(),
                  layer.blob().length));
    }
    return ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":"
            + descriptor(
                "application/vnd.oci.image.config.v1+json", Digest.sha256(config), config.length)
            + ",\"layers\":["
            + descriptors
            + "]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] index(byte[] manifest) {
    return ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
            + "\"manifests\":["
            + descriptor(
                "application/vnd.oci.image.manifest.v1+json",
                Digest.sha256(manifest),
                manifest.length)
            + "]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String descriptor(String mediaType, Digest digest, long size) {
    return "{\"mediaType\":\""
        + mediaType
        + "\",\"digest\":\""
        + digest
        + "\",\"size\":"
        + size
        + "}";
  }
}
