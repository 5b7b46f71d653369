package org.iechorfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.export.ExportedImage;
import org.iechorfile.engine.export.ImageExporter;
import org.iechorfile.engine.export.ImageFiles;
import org.iechorfile.engine.export.ImageFormat;
import org.iechorfile.engine.registry.ImageReference;
import org.iechorfile.engine.registry.InvalidReferenceException;
import org.iechorfile.engine.session.Session;
import org.iechorfile.engine.session.Workspace;

/**
 * What {@code build} does with the image it built: {@code -t NAME} names it in the store, {@code
 * --output TYPE:DEST} saves it as an OCI layout ({@code oci:DIR}), an oci-archive or a
 * docker-archive ({@code oci-archive:FILE}, {@code docker-archive:FILE}).
 */
final class BuildOutputs {

  private final List<String> tags;
  private final List<String> outputs;

  BuildOutputs(List<String> tags, List<String> outputs) {
    this.tags = List.copyOf(tags);
    this.outputs = List.copyOf(outputs);
  }

  /** The first problem with the options, before anything is built. */
  Optional<String> check() {
    for (String tag : tags) {
      try {
        ImageReference.parse(tag);
      } catch (InvalidReferenceException e) {
        return Optional.of("-t " + tag + ": " + e.getMessage());
      }
    }
    for (String output : outputs) {
      int colon = output.indexOf(':');
      if (colon <= 0
          || colon == output.length() - 1
          || ImageFormat.parse(output.substring(0, colon)).isEmpty()) {
        return Optional.of(
            "--output takes oci:DIR, oci-archive:FILE or docker-archive:FILE, not " + output);
      }
    }
    return Optional.empty();
  }

  /** Exports the session's image when asked to; returns the exit status. */
  int write(Session session, Workspace workspace, Path directory, PrintWriter out, PrintWriter err)
      throws IOException {
    if (tags.isEmpty() && outputs.isEmpty()) {
      return ExitCodes.OK;
    }
    try {
      ImageExporter exporter = ImageExporter.of(workspace.store(), Clock.systemUTC());
      ExportedImage image = exporter.export(session.current());
      ImageReference name =
          ImageReference.parse(tags.isEmpty() ? "localhost/iechorfile-build:latest" : tags.get(0));
      for (String tag : tags) {
        out.println("tagged " + exporter.tag(image, tag));
      }
      ImageFiles files = new ImageFiles(workspace.store());
      for (String output : outputs) {
        int colon = output.indexOf(':');
        ImageFormat format = ImageFormat.parse(output.substring(0, colon)).orElseThrow();
        Path target = directory.resolve(output.substring(colon + 1)).normalize();
        files.save(image, target, format, name);
        out.println("wrote " + format.spelled() + " " + target + " (" + image.id() + ")");
      }
      out.flush();
      return ExitCodes.OK;
    } catch (InvalidReferenceException e) {
      err.println("iechorfile: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("iechorfile: interrupted while writing the image; nothing complete was written");
      return ExitCodes.FAILED;
    }
  }
}
