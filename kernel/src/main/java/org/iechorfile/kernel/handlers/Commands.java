package org.iechorfile.kernel.handlers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.Documentation;
import org.iechorfile.engine.command.CommandCatalogue;
import org.iechorfile.engine.command.CommandSpec;
import org.iechorfile.engine.session.Session;
import org.iechorfile.engine.session.StepInfo;

/**
 * The {@code %} commands a notebook cell can run: the step commands, {@code %steps}, {@code %env},
 * {@code %config}, {@code %help}, {@code %cache} and {@code %arg}. Each calls the session only;
 * session events reach the cell's renderer as listener calls.
 */
final class Commands {

  private final Session session;
  private final Analysis analysis;
  private final CommandCatalogue catalogue = CommandCatalogue.standard();

  Commands(Session session, Analysis analysis) {
    this.session = session;
    this.analysis = analysis;
  }

  /** Runs one {@code %} line. */
  CommandResult run(String line) {
    String body = line.strip().substring(1).strip();
    String[] words = body.isEmpty() ? new String[] {""} : body.split("\\s+");
    String name = words[0].toLowerCase(Locale.ROOT);
    List<String> args = List.of(words).subList(1, words.length);
    switch (name) {
      case "undo":
        return count(line, args)
            .map(n -> act(() -> session.undo(n)))
            .orElseGet(() -> badCount(line));
      case "redo":
        return count(line, args)
            .map(n -> act(() -> session.redo(n)))
            .orElseGet(() -> badCount(line));
      case "goto":
        return goTo(line, args);
      case "reset":
        session.reset();
        return CommandResult.done();
      case "steps":
        return CommandResult.shown(steps().bundle());
      case "env":
        return env(args);
      case "help":
        return help(line, String.join(" ", args));
      case "cache":
        return cache(line, args);
      case "arg":
        return arg(line, args);
      case "shell":
        return CommandResult.failed(
            line,
            "%shell needs a terminal; in a notebook use %sh COMMAND, or run ./iechorfile repl");
      default:
        return unknown(line, name);
    }
  }

  private CommandResult unknown(String line, String name) {
    Optional<CommandSpec> spec = catalogue.find(name);
    if (spec.isPresent()) {
      return CommandResult.failed(
          line,
          "%"
              + name
              + " is not available in notebook cells of this version; run it in ./iechorfile repl");
    }
    return CommandResult.failed(line, "unknown command %" + name + "; %help lists the commands");
  }

  private static CommandResult act(Runnable action) {
    action.run();
    return CommandResult.done();
  }

  private static Optional<Integer> count(String line, List<String> args) {
    if (args.isEmpty()) {
      return Optional.of(1);
    }
    try {
      int n = Integer.parseInt(args.get(0));
      return n > 0 && args.size() == 1 ? Optional.of(n) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static CommandResult badCount(String line) {
    return CommandResult.failed(line, "expected a positive number of steps, as in %undo 2");
  }

  private CommandResult goTo(String line, List<String> args) {
    int steps = session.steps().size();
    try {
      int n = args.size() == 1 ? Integer.parseInt(args.get(0)) : -1;
      if (n >= 0 && n <= steps) {
        session.goTo(n);
        return CommandResult.done();
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    return CommandResult.failed(
        line, "%goto takes a step number from 0 to " + steps + "; %steps lists them");
  }

  Table steps() {
    List<List<String>> rows = new ArrayList<>();
    for (StepInfo step : session.steps()) {
      rows.add(
          List.of(
              String.valueOf(step.id().number()),
              step.live() ? "live" : "undone",
              step.cached() ? "yes" : "no",
              ChangeCard.seconds(step.duration().toMillis()),
              step.source().strip()));
    }
    return new Table(List.of("step", "state", "cached", "time", "instruction"), rows);
  }

  private CommandResult env(List<String> args) {
    List<List<String>> rows = new ArrayList<>();
    for (String entry : session.config().env()) {
      int eq = entry.indexOf('=');
      String name = eq < 0 ? entry : entry.substring(0, eq);
      String value = eq < 0 ? "" : entry.substring(eq + 1);
      if (args.isEmpty() || args.contains(name)) {
        rows.add(List.of(name, value));
      }
    }
    if (args.size() == 1 && rows.size() == 1) {
      return CommandResult.text(rows.get(0).get(0) + "=" + rows.get(0).get(1));
    }
    return CommandResult.shown(new Table(List.of("name", "value"), rows).bundle());
  }

  private CommandResult help(String line, String topic) {
    Optional<Documentation> docs = analysis.help(topic);
    if (docs.isEmpty()) {
      return CommandResult.failed(
          line, "no help on " + topic + "; %help alone lists the instructions and commands");
    }
    return CommandResult.paged(
        java.util.Map.of(
            "text/plain", docs.get().toPlainText(), "text/markdown", docs.get().toMarkdown()));
  }

  private CommandResult cache(String line, List<String> args) {
    String what = args.size() == 1 ? args.get(0) : "";
    switch (what) {
      case "on":
      case "off":
        session.setCacheEnabled(what.equals("on"));
        return CommandResult.text("build cache: " + what);
      case "clear":
        session.clearCache();
        return CommandResult.text("build cache: cleared");
      default:
        return CommandResult.failed(line, "%cache takes on, off or clear");
    }
  }

  private CommandResult arg(String line, List<String> args) {
    if (args.size() != 1 || args.get(0).indexOf('=') <= 0) {
      return CommandResult.failed(line, "%arg takes NAME=VALUE, as in %arg VERSION=1.2");
    }
    String pair = args.get(0);
    int eq = pair.indexOf('=');
    session.setBuildArg(pair.substring(0, eq), pair.substring(eq + 1));
    return CommandResult.text("build arg " + pair.substring(0, eq) + " set");
  }
}
