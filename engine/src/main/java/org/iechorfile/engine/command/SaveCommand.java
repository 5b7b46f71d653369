package org.iechorfile.engine.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.iechorfile.engine.export.ExportedImage;
import org.iechorfile.engine.export.ImageExporter;
import org.iechorfile.engine.export.ImageFiles;
import org.iechorfile.engine.export.ImageFormat;
import org.iechorfile.engine.registry.ImageReference;
import org.iechorfile.engine.registry.InvalidReferenceException;

/**
 * {@code %save FILE [--format oci|oci-archive|docker-archive]}: the current image as files podman,
 * docker and skopeo load (an oci-archive by default).
 *
 * @param line the command line as typed
 * @param file the file (or directory for {@code oci})
 * @param format the format
 */
public record SaveCommand(String line, String file, ImageFormat format) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    if (invocation.arguments().size() != 1) {
      return invocation.reject(-1, "%save takes one file; usage: " + invocation.spec().synopsis());
    }
    String name = invocation.options().getOrDefault("--format", "oci-archive");
    Optional<ImageFormat> format = ImageFormat.parse(name);
    if (format.isEmpty()) {
      return invocation.reject(
          -1, "%save: unknown format " + name + "; use oci, oci-archive or docker-archive");
    }
    return ParsedCommand.of(
        invocation.line(),
        new SaveCommand(invocation.line(), invocation.arguments().get(0), format.get()));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    Optional<ImageFiles> files = target.tools().files();
    if (files.isEmpty()) {
      return Trying.unavailable(line, "%save");
    }
    Optional<String> problem = ImageCommands.cannotExport(target, "%save");
    if (problem.isPresent()) {
      return CommandResult.rejected(line, problem.get());
    }
    Path path = target.resolve(file);
    try {
      ImageExporter exporter = target.tools().exporter().orElseThrow();
      ExportedImage image = ImageCommands.export(target, exporter);
      files.get().save(image, path, format, name(path));
      return new CommandResult.Message(
          "saved " + image.id() + " as " + format.spelled() + " to " + path);
    } catch (IOException e) {
      return CommandResult.rejected(line, "cannot save to " + path + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CommandResult.rejected(line, "%save was interrupted; nothing was written");
    }
  }

  /** The name inside the archive: the file's base name, as a local image. */
  private static ImageReference name(Path path) {
    String base = path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    String clean = base.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    try {
      return ImageReference.parse("localhost/" + (clean.isEmpty() ? "image" : clean) + ":latest");
    } catch (InvalidReferenceException e) {
      try {
        return ImageReference.parse("localhost/image:latest");
      } catch (InvalidReferenceException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  }
}
