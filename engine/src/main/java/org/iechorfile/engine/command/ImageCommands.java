package org.iechorfile.engine.command;

import java.io.IOException;
import java.util.Optional;
import org.iechorfile.engine.export.ExportedImage;
import org.iechorfile.engine.export.ImageExporter;

/** What {@code %save}, {@code %tag} and {@code %push} share: the current image, exported. */
final class ImageCommands {

  private ImageCommands() {}

  /** Why the current image cannot be exported; empty when it can. */
  static Optional<String> cannotExport(CommandTarget target, String command) {
    if (!target.session().current().inStage()) {
      return Optional.of(command + " needs an image: start one with FROM");
    }
    return Optional.empty();
  }

  /** The current image in the store. */
  static ExportedImage export(CommandTarget target, ImageExporter exporter)
      throws IOException, InterruptedException {
    return exporter.export(target.session().current());
  }
}
