package org.iechorfile.engine.command;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.iechorfile.engine.ByteSizes;
import org.iechorfile.engine.inspect.ImageInspector;
import org.iechorfile.engine.inspect.LayerInfo;
import org.iechorfile.engine.inspect.StepOrigin;
import org.iechorfile.engine.inspect.WasteReport;

/**
 * {@code %layers [--waste] [--step N]}: the image's layers with the steps that made them, their
 * sizes, file counts and whether they came from the cache; with {@code --waste}, the bytes that one
 * step adds and a later one removes or overwrites.
 *
 * @param line the command line as typed
 * @param waste whether to show wasted space instead
 * @param step the step to look at; empty for the current one
 */
public record LayersCommand(String line, boolean waste, OptionalInt step) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    return Looking.withStep(
        invocation,
        0,
        step ->
            new LayersCommand(
                invocation.line(), invocation.options().containsKey("--waste"), step));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    ImageInspector inspector = new ImageInspector(target.session());
    if (waste) {
      return Looking.answer(line, () -> inspector.waste(step), LayersCommand::renderWaste);
    }
    return Looking.answer(line, () -> inspector.layers(step), LayersCommand::render);
  }

  private static CommandResult render(List<LayerInfo> layers) {
    if (layers.isEmpty()) {
      return new CommandResult.Message("the image has no layers yet");
    }
    List<List<String>> rows = new ArrayList<>();
    for (LayerInfo layer : layers) {
      rows.add(
          List.of(
              step(layer.origin()),
              StatCommand.firstLine(layer.origin().source()),
              ByteSizes.format(layer.bytes()),
              Long.toString(layer.files()),
              layer.cached() ? "cached" : ""));
    }
    return new CommandResult.Table(List.of("STEP", "INSTRUCTION", "SIZE", "FILES", "CACHE"), rows);
  }

  private static CommandResult renderWaste(WasteReport report) {
    if (report.files().isEmpty()) {
      return new CommandResult.Message("no wasted space: no step removes or overwrites files");
    }
    List<List<String>> rows = new ArrayList<>();
    for (WasteReport.Item item : report.files()) {
      rows.add(
          List.of(
              ByteSizes.format(item.bytes()),
              item.path(),
              step(item.addedBy()),
              (item.removed() ? "removed by " : "overwritten by ") + step(item.hiddenBy())));
    }
    rows.add(List.of(ByteSizes.format(report.bytes()), "(total wasted)", "", ""));
    return new CommandResult.Table(List.of("SIZE", "PATH", "ADDED BY", "HIDDEN BY"), rows);
  }

  private static String step(StepOrigin origin) {
    return origin.step() > 0 ? Integer.toString(origin.step()) : "base";
  }
}
