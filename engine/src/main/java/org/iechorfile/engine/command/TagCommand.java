package org.iechorfile.engine.command;

import java.io.IOException;
import java.util.Optional;
import org.iechorfile.engine.export.ExportedImage;
import org.iechorfile.engine.export.ImageExporter;
import org.iechorfile.engine.registry.InvalidReferenceException;

/**
 * {@code %tag NAME}: the current image, named in the local store (FROM NAME then finds it).
 *
 * @param line the command line as typed
 * @param name the name
 */
public record TagCommand(String line, String name) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    if (invocation.arguments().size() != 1) {
      return invocation.reject(-1, "%tag takes one name, e.g. %tag myapp:dev");
    }
    return ParsedCommand.of(
        invocation.line(), new TagCommand(invocation.line(), invocation.arguments().get(0)));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    Optional<ImageExporter> exporter;
    try {
      exporter = target.tools().exporter();
    } catch (IOException e) {
      return CommandResult.rejected(line, "the store cannot be written: " + e.getMessage());
    }
    if (exporter.isEmpty()) {
      return Trying.unavailable(line, "%tag");
    }
    Optional<String> problem = ImageCommands.cannotExport(target, "%tag");
    if (problem.isPresent()) {
      return CommandResult.rejected(line, problem.get());
    }
    try {
      ExportedImage image = ImageCommands.export(target, exporter.get());
      String named = exporter.get().tag(image, name);
      return new CommandResult.Message("tagged " + named + " (" + image.id() + ")");
    } catch (InvalidReferenceException e) {
      return CommandResult.rejected(line, "%tag: " + e.getMessage());
    } catch (IOException e) {
      return CommandResult.rejected(line, "cannot tag the image: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CommandResult.rejected(line, "%tag was interrupted");
    }
  }
}
