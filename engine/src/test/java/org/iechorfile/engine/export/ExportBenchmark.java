package org.iechorfile.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.iechorfile.engine.image.RuntimeConfig;
import org.iechorfile.engine.registry.ImageReference;
import org.iechorfile.engine.session.LayerRef;
import org.iechorfile.engine.store.Store;
import org.iechorfile.engine.tar.OverlayNamespace;
import org.iechorfile.engine.testing.DebianMinbase;
import org.iechorfile.engine.testing.ExternalTools;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exporting a Debian-minbase-sized image, side by side with {@code tar c | gzip} of the same tree
 * and {@code buildah commit} of a container holding it: one layer, two layers compressed in
 * parallel and one after the other, and the oci-archive written from the store.
 */
@Tag("benchmark")
class ExportBenchmark {

  @TempDir Path dir;

  @Test
  void export_againstTarGzipAndBuildahCommit() throws Exception {
    Path rootfs = DebianMinbase.rootfs();
    Store store = Store.open(dir.resolve("store"), OverlayNamespace.TRUSTED);
    List<String> rows = new ArrayList<>();

    int cpus = Runtime.getRuntime().availableProcessors();
    ExportedImage[] image = new ExportedImage[1];
    double one = seconds(() -> image[0] = export(store, rootfs, List.of("bench-one"), cpus));
    double serial = seconds(() -> export(store, rootfs, List.of(fresh(), fresh()), 1));
    double parallel = seconds(() -> export(store, rootfs, List.of(fresh(), fresh()), cpus));
    double again = seconds(() -> export(store, rootfs, List.of("bench-one"), 1));
    double archive =
        seconds(
            () ->
                new ImageFiles(store)
                    .save(
                        image[0],
                        dir.resolve("image.tar"),
                        ImageFormat.OCI_ARCHIVE,
                        ImageReference.parse("bench:1")));
    double tarGzip =
        seconds(
            () ->
                ExternalTools.run(
                    List.of(
                        "bash",
                        "-c",
                        "tar -C " + rootfs + " -cf - . | gzip -6 > " + dir.resolve("tar.gz"))));
    double buildah = BuildahCommit.seconds(rootfs, dir);

    rows.add(row("export, 1 layer (gzip, into the store)", one, ""));
    rows.add(row("  tar c | gzip -6 of the same tree", tarGzip, ratio(one, tarGzip)));
    rows.add(row("  buildah commit of a container holding it", buildah, ratio(one, buildah)));
    rows.add(row("export, 2 layers, 1 thread", serial, ""));
    rows.add(row("export, 2 layers, in parallel", parallel, ratio(parallel, serial)));
    rows.add(row("export again (layers already written)", again, ""));
    rows.add(row("save as oci-archive from the store", archive, ""));
    System.out.printf(
        "%nExport of a Debian minbase image (%d entries, %.1f MB gzipped)%n",
        DebianMinbase.image().fileCount(), Files.size(dir.resolve("tar.gz")) / 1e6);
    rows.forEach(System.out::println);
    assertEquals(1, image[0].layers().size());
  }

  /** Exports an image of the rootfs once per id; ids seen before reuse their written blob. */
  private static ExportedImage export(Store store, Path rootfs, List<String> ids, int threads)
      throws Exception {
    List<LayerRef> layers = new ArrayList<>();
    for (String id : ids) {
      layers.add(new LayerRef(id, rootfs, id, 0));
    }
    ImageExporter exporter =
        new ImageExporter(store, OverlayNamespace.TRUSTED, Clock.systemUTC(), threads);
    return exporter.export(ExportFixture.state(layers, RuntimeConfig.EMPTY));
  }

  private static String fresh() {
    return "bench-" + UUID.randomUUID();
  }

  private interface Timed {
    void run() throws Exception;
  }

  private static double seconds(Timed timed) throws Exception {
    long start = System.nanoTime();
    timed.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static String row(String what, double seconds, String ratio) {
    return String.format("  %-48s %7.2f s  %s", what, seconds, ratio);
  }

  private static String ratio(double ours, double theirs) {
    return String.format("%.2fx", ours / theirs);
  }
}
