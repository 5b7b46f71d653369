package org.iechorfile.engine.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.HistoryEntry;
import org.iechorfile.engine.image.ImageConfig;
import org.iechorfile.engine.image.Manifest;
import org.iechorfile.engine.image.MediaTypes;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.image.json.ImageCodec;
import org.iechorfile.engine.registry.ImageReference;
import org.iechorfile.engine.registry.RegistryClient;
import org.iechorfile.engine.tar.LayerWriteOptions;
import org.iechorfile.engine.tar.LayerWriter;
import org.iechorfile.engine.tar.OverlayNamespace;
import org.iechorfile.engine.tar.WrittenLayer;

/**
 * A Debian minbase image for benchmarks: the root filesystem made once with {@code debootstrap
 * --variant=minbase bookworm} (Debian's own packages; a few minutes) and kept under {@code
 * $IECHOR_BENCH_DIR} (default {@code /var/tmp/iechorfile-bench}), packed as one gzip layer.
 */
public final class DebianMinbase {

  private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

  private final Path layer;
  private final WrittenLayer written;
  private final byte[] configBytes;
  private final Manifest manifest;
  private final byte[] manifestBytes;

  private DebianMinbase(Path layer, WrittenLayer written) {
    this.layer = layer;
    this.written = written;
    ImageConfig config =
        ImageConfig.empty(Platform.LINUX_AMD64)
            .withCreated(EPOCH)
            .withEnv("PATH", BusyboxImage.PATH)
            .withCmd(List.of("bash"))
            .withLayer(
                written.diffId(),
                HistoryEntry.of(EPOCH, "debootstrap --variant=minbase bookworm", false));
    this.configBytes = ImageCodec.write(config);
    this.manifest =
        Manifest.oci(
            Descriptor.of(MediaTypes.OCI_CONFIG, configBytes),
            List.of(Descriptor.of(MediaTypes.OCI_LAYER_GZIP, written.digest(), written.size())));
    this.manifestBytes = ImageCodec.write(manifest);
  }

  /** The directory benchmarks keep their inputs in. */
  public static Path benchDirectory() {
    String dir = System.getenv("IECHOR_BENCH_DIR");
    return Path.of(dir == null || dir.isBlank() ? "/var/tmp/iechorfile-bench" : dir);
  }

  /** The root filesystem, made with debootstrap when missing. */
  public static Path rootfs() throws IOException, InterruptedException {
    Path root = benchDirectory().resolve("minbase");
    if (Files.isDirectory(root.resolve("usr/bin"))) {
      return root;
    }
    ExternalTools.require("debootstrap", "debootstrap");
    Files.createDirectories(benchDirectory());
    Path partial = benchDirectory().resolve("minbase.tmp");
    System.out.println(
        "Making a Debian minbase root filesystem with debootstrap (a few minutes) ...");
    Process process =
        new ProcessBuilder(
                "debootstrap",
                "--variant=minbase",
                "bookworm",
                partial.toString(),
                "http://deb.debian.org/debian")
            .redirectErrorStream(true)
            .redirectOutput(benchDirectory().resolve("debootstrap.log").toFile())
            .start();
    if (process.waitFor() != 0) {
      fail("debootstrap failed; see " + benchDirectory().resolve("debootstrap.log"));
    }
    Files.move(partial, root);
    return root;
  }

  /** The image, its layer written once and kept beside the root filesystem. */
  public static DebianMinbase image() throws IOException, InterruptedException {
    Path root = rootfs();
    Path layer = benchDirectory().resolve("minbase.layer.tar.gz");
    Path temp = benchDirectory().resolve("minbase.layer.tmp");
    WrittenLayer written;
    try (OutputStream out = Files.newOutputStream(temp)) {
      written =
          new LayerWriter(OverlayNamespace.TRUSTED)
              .write(root, out, LayerWriteOptions.gzipped().withMtimeClamp(EPOCH));
    }
    Files.move(temp, layer, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return new DebianMinbase(layer, written);
  }

  /** The root filesystem's files (for comparisons). */
  public long fileCount() throws IOException, InterruptedException {
    try (var files = Files.walk(rootfs())) {
      return files.count();
    }
  }

  /** The compressed layer's size. */
  public long layerSize() {
    return written.size();
  }

  /** Pushes the image to {@code target}; returns the manifest digest. */
  public Digest pushTo(RegistryClient client, ImageReference target) throws Exception {
    client.pushBlob(target, manifest.layers().get(0), layer);
    client.pushBlob(target, manifest.config(), configBytes);
    return client.pushManifest(target, manifestBytes, manifest.mediaType());
  }
}
