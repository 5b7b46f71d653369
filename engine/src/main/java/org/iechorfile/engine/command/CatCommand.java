package org.iechorfile.engine.command;

import java.util.OptionalInt;
import org.iechorfile.engine.ByteSizes;
import org.iechorfile.engine.inspect.FileText;
import org.iechorfile.engine.inspect.ImageInspector;

/**
 * {@code %cat PATH [--step N]}: a file of the image; binary files are described, long ones cut.
 *
 * @param line the command line as typed
 * @param path the file
 * @param step the step to look at; empty for the current one
 */
public record CatCommand(String line, String path, OptionalInt step) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    if (invocation.arguments().size() != 1) {
      return invocation.reject(-1, "%cat takes one path; usage: " + invocation.spec().synopsis());
    }
    return Looking.withStep(
        invocation, step -> new CatCommand(invocation.line(), invocation.arguments().get(0), step));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    ImageInspector inspector = new ImageInspector(target.session());
    return Looking.answer(
        line, () -> inspector.read(step, path, ImageInspector.READ_LIMIT), CatCommand::render);
  }

  private static CommandResult render(FileText file) {
    if (file.binary()) {
      return new CommandResult.Message(
          file.path()
              + ": binary file, "
              + ByteSizes.format(file.size())
              + "; not shown (try %sh od -c "
              + file.path()
              + " | head)");
    }
    String text =
        file.text().endsWith("\n")
            ? file.text().substring(0, file.text().length() - 1)
            : file.text();
    if (file.truncated()) {
      text +=
          "\n[cut after "
              + ByteSizes.format(file.text().length())
              + " of "
              + ByteSizes.format(file.size())
              + "; see the rest with %sh tail -c +N "
              + file.path()
              + "]";
    }
    return new CommandResult.Message(text);
  }
}
