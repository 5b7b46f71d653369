package org.iechorfile.engine.command;

import java.io.IOException;
import java.util.Optional;
import org.iechorfile.engine.export.ExportedImage;
import org.iechorfile.engine.export.ImageExporter;
import org.iechorfile.engine.export.ImagePush;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.registry.ImageReference;
import org.iechorfile.engine.registry.InvalidReferenceException;
import org.iechorfile.engine.registry.RegistryException;

/**
 * {@code %push REF}: uploads the current image to a registry.
 *
 * @param line the command line as typed
 * @param reference where to, e.g. {@code localhost:5000/app:1.0}
 */
public record PushCommand(String line, String reference) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    if (invocation.arguments().size() != 1) {
      return invocation.reject(-1, "%push takes one reference, e.g. %push localhost:5000/app:1.0");
    }
    return ParsedCommand.of(
        invocation.line(), new PushCommand(invocation.line(), invocation.arguments().get(0)));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    Optional<ImagePush> push = target.tools().push();
    if (push.isEmpty()) {
      return Trying.unavailable(line, "%push");
    }
    Optional<String> problem = ImageCommands.cannotExport(target, "%push");
    if (problem.isPresent()) {
      return CommandResult.rejected(line, problem.get());
    }
    try {
      ImageReference ref = ImageReference.parse(reference);
      ImageExporter exporter = target.tools().exporter().orElseThrow();
      ExportedImage image = ImageCommands.export(target, exporter);
      Digest digest = push.get().push(image, ref);
      return new CommandResult.Message("pushed " + ref + "@" + digest);
    } catch (InvalidReferenceException e) {
      return CommandResult.rejected(line, "%push: " + e.getMessage());
    } catch (RegistryException e) {
      return CommandResult.rejected(line, "%push failed: " + e.getMessage());
    } catch (IOException e) {
      return CommandResult.rejected(line, "cannot push the image: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CommandResult.rejected(line, "%push was interrupted");
    }
  }
}
