package org.iechorfile.engine.command;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.iechorfile.engine.fs.FileEntry;
import org.iechorfile.engine.inspect.ImageInspector;
import org.iechorfile.engine.inspect.PathInfo;

/**
 * {@code %stat PATH [--step N]}: one path's metadata and the step that made it.
 *
 * @param line the command line as typed
 * @param path the path
 * @param step the step to look at; empty for the current one
 */
public record StatCommand(String line, String path, OptionalInt step) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    if (invocation.arguments().size() != 1) {
      return invocation.reject(-1, "%stat takes one path; usage: " + invocation.spec().synopsis());
    }
    return Looking.withStep(
        invocation,
        step -> new StatCommand(invocation.line(), invocation.arguments().get(0), step));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    ImageInspector inspector = new ImageInspector(target.session());
    return Looking.answer(line, () -> inspector.stat(step, path), StatCommand::render);
  }

  private static CommandResult render(PathInfo info) {
    FileEntry e = info.entry();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("path", e.path()));
    rows.add(List.of("type", e.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
    rows.add(List.of("mode", e.modeString() + " (" + String.format("%04o", e.mode()) + ")"));
    rows.add(List.of("owner", e.uid() + ":" + e.gid()));
    rows.add(List.of("size", e.isFile() ? e.size() + " bytes" : ""));
    if (!e.linkTarget().isEmpty()) {
      rows.add(List.of("target", e.linkTarget()));
    }
    rows.add(List.of("modified", e.modified().toString()));
    String origin =
        info.origin().step() > 0
            ? "step " + info.origin().step() + ": " + firstLine(info.origin().source())
            : firstLine(info.origin().source());
    rows.add(List.of("made by", origin));
    return new CommandResult.Table(List.of("FIELD", "VALUE"), rows);
  }

  static String firstLine(String source) {
    String stripped = source.strip();
    int feed = stripped.indexOf('\n');
    return feed < 0 ? stripped : stripped.substring(0, feed) + " ...";
  }
}
