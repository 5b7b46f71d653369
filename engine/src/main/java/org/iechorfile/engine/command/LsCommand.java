package org.iechorfile.engine.command;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.iechorfile.engine.ByteSizes;
import org.iechorfile.engine.fs.FileEntry;
import org.iechorfile.engine.inspect.ImageInspector;

/**
 * {@code %ls [-la] [PATH] [--step N]}: a directory of the image.
 *
 * @param line the command line as typed
 * @param path the directory (empty: the WORKDIR)
 * @param details whether to show mode, owner, size and time ({@code -l})
 * @param all whether to show names starting with a dot ({@code -a})
 * @param step the step to look at; empty for the current one
 */
public record LsCommand(String line, String path, boolean details, boolean all, OptionalInt step)
    implements Command {

  static ParsedCommand parse(Invocation invocation) {
    return Looking.withStep(
        invocation,
        1,
        step ->
            new LsCommand(
                invocation.line(),
                invocation.argument().orElse(""),
                invocation.options().containsKey("-l"),
                invocation.options().containsKey("-a"),
                step));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    ImageInspector inspector = new ImageInspector(target.session());
    return Looking.answer(line, () -> inspector.list(step, path, all), this::render);
  }

  private CommandResult render(List<FileEntry> entries) {
    if (!details) {
      List<String> names = new ArrayList<>();
      entries.forEach(e -> names.add(e.name() + (e.isDirectory() ? "/" : "")));
      return new CommandResult.Message(names.isEmpty() ? "(empty)" : String.join("\n", names));
    }
    List<List<String>> rows = new ArrayList<>();
    for (FileEntry e : entries) {
      rows.add(
          List.of(
              e.modeString(),
              e.uid() + ":" + e.gid(),
              e.isFile() ? ByteSizes.format(e.size()) : "",
              e.modified().toString().replace('T', ' ').replaceAll("\\.\\d+", ""),
              e.name() + (e.linkTarget().isEmpty() ? "" : " -> " + e.linkTarget())));
    }
    return new CommandResult.Table(List.of("MODE", "OWNER", "SIZE", "MODIFIED", "NAME"), rows);
  }
}
