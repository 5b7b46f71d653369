package org.iechorfile.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.HistoryEntry;
import org.iechorfile.engine.image.ImageConfig;
import org.iechorfile.engine.image.ImageIndex;
import org.iechorfile.engine.image.Manifest;
import org.iechorfile.engine.image.MediaTypes;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.image.json.ImageCodec;
import org.iechorfile.engine.registry.ImageReference;
import org.iechorfile.engine.registry.RegistryClient;
import org.iechorfile.engine.registry.RegistryException;

/**
 * A busybox base image built from Debian's {@code busybox-static}: {@code /bin/busybox} plus one
 * symlink per applet from {@code busybox --list-full}, {@code /etc/passwd} and {@code /etc/group}
 * with root, app (1000) and nobody, {@code /tmp} 1777; sorted entries, fixed owners and mtimes, so
 * the same busybox binary always gives the same digests. One gzip layer, an OCI config and an OCI
 * manifest.
 *
 * @param layerTar the uncompressed layer (its digest is the diff id)
 * @param layer the gzip-compressed layer
 * @param layerDescriptor the descriptor of {@code layer}
 * @param config the image config
 * @param configBytes the canonical bytes of {@code config}
 * @param manifest the OCI manifest
 * @param manifestBytes the canonical bytes of {@code manifest}
 */
public record BusyboxImage(
    byte[] layerTar,
    byte[] layer,
    Descriptor layerDescriptor,
    ImageConfig config,
    byte[] configBytes,
    Manifest manifest,
    byte[] manifestBytes) {

  /** The time every entry and the config carry. */
  public static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

  /** The PATH in the image's environment, as Docker's busybox image has it. */
  public static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private static final Path BUSYBOX = Path.of("/bin/busybox");
  private static byte[] cachedTar;

  public BusyboxImage {
    Objects.requireNonNull(layerDescriptor, "layerDescriptor");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(manifest, "manifest");
  }

  /**
   * Builds the image for {@code platform} (the layer is the host's busybox whatever the platform
   * says; other platforms serve platform-selection tests).
   */
  public static BusyboxImage build(Platform platform) throws IOException, InterruptedException {
    byte[] tar = sharedLayerTar();
    byte[] gz = gzip(tar);
    Descriptor layer = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, gz);
    ImageConfig config =
        ImageConfig.empty(platform)
            .withCreated(EPOCH)
            .withEnv("PATH", PATH)
            .withCmd(List.of("sh"))
            .withLayer(
                Digest.sha256(tar),
                HistoryEntry.of(EPOCH, "ADD busybox-static rootfs / # buildkit", false))
            .withHistory(HistoryEntry.of(EPOCH, "CMD [\"sh\"]", true));
    byte[] configBytes = ImageCodec.write(config);
    Manifest manifest =
        Manifest.oci(Descriptor.of(MediaTypes.OCI_CONFIG, configBytes), List.of(layer));
    return new BusyboxImage(
        tar, gz, layer, config, configBytes, manifest, ImageCodec.write(manifest));
  }

  /** The digest of the manifest. */
  public Digest manifestDigest() {
    return Digest.sha256(manifestBytes);
  }

  /** Pushes the layer, config and manifest to {@code target}; returns the manifest digest. */
  public Digest pushTo(RegistryClient client, ImageReference target)
      throws RegistryException, InterruptedException {
    client.pushBlob(target, layerDescriptor, layer);
    client.pushBlob(target, manifest.config(), configBytes);
    return client.pushManifest(target, manifestBytes, manifest.mediaType());
  }

  /**
   * Pushes one image per platform and an OCI index of them to {@code target}; returns the index
   * digest.
   */
  public static Digest pushIndex(
      RegistryClient client, ImageReference target, List<Platform> platforms)
      throws RegistryException, InterruptedException, IOException {
    List<Descriptor> entries = new ArrayList<>();
    for (Platform platform : platforms) {
      BusyboxImage image = build(platform);
      Digest digest = image.pushTo(client, target.withTag("platform-" + entries.size()));
      entries.add(
          Descriptor.of(MediaTypes.OCI_MANIFEST, digest, image.manifestBytes().length)
              .withPlatform(platform));
    }
    return client.pushIndex(target, ImageIndex.oci(entries));
  }

  private static synchronized byte[] sharedLayerTar() throws IOException, InterruptedException {
    if (cachedTar == null) {
      cachedTar = writeTar();
    }
    return cachedTar.clone();
  }

  private static byte[] writeTar() throws IOException, InterruptedException {
    if (!Files.isExecutable(BUSYBOX)) {
      ExternalTools.require("busybox-static-missing", "busybox-static");
    }
    TreeSet<String> applets = new TreeSet<>();
    for (String line : ExternalTools.run(List.of(BUSYBOX.toString(), "--list-full")).split("\n")) {
      if (!line.isBlank() && !line.strip().equals("bin/busybox")) {
        applets.add(line.strip());
      }
    }
    TreeMap<String, TarArchiveEntry> entries = new TreeMap<>();
    for (String dir :
        List.of("bin", "etc", "home", "root", "sbin", "tmp", "usr", "usr/bin", "usr/sbin", "var")) {
      entries.put(
          dir + "/", dir(dir + "/", dir.equals("tmp") ? 01777 : dir.equals("root") ? 0700 : 0755));
    }
    TarArchiveEntry home = dir("home/app/", 0755);
    home.setIds(1000, 1000);
    entries.put("home/app/", home);
    for (String applet : applets) {
      TarArchiveEntry link = new TarArchiveEntry(applet, TarArchiveEntry.LF_SYMLINK);
      link.setLinkName("/bin/busybox");
      entries.put(applet, fixed(link, 0777));
    }
    byte[] binary = Files.readAllBytes(BUSYBOX);
    byte[] passwd =
        ("root:x:0:0:root:/root:/bin/sh\n"
                + "app:x:1000:1000:app:/home/app:/bin/sh\n"
                + "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] group = "root:x:0:\napp:x:1000:\nnobody:x:65534:\n".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(binary.length + 1024 * 1024);
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      entries.put("bin/busybox", file("bin/busybox", 0755, binary.length));
      entries.put("etc/passwd", file("etc/passwd", 0644, passwd.length));
      entries.put("etc/group", file("etc/group", 0644, group.length));
      for (TarArchiveEntry entry : entries.values()) {
        tar.putArchiveEntry(entry);
        switch (entry.getName()) {
          case "bin/busybox" -> tar.write(binary);
          case "etc/passwd" -> tar.write(passwd);
          case "etc/group" -> tar.write(group);
          default -> {}
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
    return out.toByteArray();
  }

  private static TarArchiveEntry dir(String name, int mode) {
    return fixed(new TarArchiveEntry(name, TarArchiveEntry.LF_DIR), mode);
  }

  private static TarArchiveEntry file(String name, int mode, long size) {
    TarArchiveEntry entry = fixed(new TarArchiveEntry(name, TarArchiveEntry.LF_NORMAL), mode);
    entry.setSize(size);
    return entry;
  }

  private static TarArchiveEntry fixed(TarArchiveEntry entry, int mode) {
    entry.setMode(
        (entry.isDirectory() ? 040000 : entry.isSymbolicLink() ? 0120000 : 0100000) | mode);
    entry.setModTime(java.nio.file.attribute.FileTime.from(EPOCH));
    entry.setIds(0, 0);
    entry.setUserName("");
    entry.setGroupName("");
    return entry;
  }

  private static byte[] gzip(byte[] tar) throws IOException {
    GzipParameters parameters = new GzipParameters();
    parameters.setModificationTime(0);
    parameters.setCompressionLevel(6);
    ByteArrayOutputStream out = new ByteArrayOutputStream(tar.length / 2);
    try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out, parameters)) {
      gz.write(tar);
    }
    return out.toByteArray();
  }
}
