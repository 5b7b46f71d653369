package org.iechorfile.engine.command;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which {@link CommandFactory} builds each {@code %} command. New commands join by adding one class
 * and one line to {@link #standard()}; a command of the catalogue with no factory is reported as
 * not available. Immutable.
 */
public final class CommandRegistry {

  private final Map<String, CommandFactory> factories;

  private CommandRegistry(Map<String, CommandFactory> factories) {
    this.factories = Map.copyOf(factories);
  }

  /** The commands of this release. */
  public static CommandRegistry standard() {
    Map<String, CommandFactory> factories = new TreeMap<>();
    factories.put("steps", StepsCommand::parse);
    factories.put("undo", UndoCommand::parse);
    factories.put("redo", RedoCommand::parse);
    factories.put("goto", GotoCommand::parse);
    factories.put("reset", ResetCommand::parse);
    factories.put("cache", CacheCommand::parse);
    factories.put("arg", ArgCommand::parse);
    factories.put("context", ContextCommand::parse);
    factories.put("load", LoadCommand::parse);
    factories.put("help", HelpCommand::parse);
    factories.put("ls", LsCommand::parse);
    factories.put("cat", CatCommand::parse);
    factories.put("tree", TreeCommand::parse);
    factories.put("find", FindCommand::parse);
    factories.put("stat", StatCommand::parse);
    factories.put("du", DuCommand::parse);
    factories.put("diff", DiffCommand::parse);
    factories.put("layers", LayersCommand::parse);
    factories.put("config", ConfigCommand::parse);
    factories.put("env", EnvCommand::parse);
    factories.put("export", ExportCommand::parse);
    factories.put("sh", ShCommand::parse);
    factories.put("shell", ShellCommand::parse);
    factories.put("run", RunCommand::parse);
    factories.put("logs", LogsCommand::parse);
    factories.put("stop", StopCommand::parse);
    factories.put("save", SaveCommand::parse);
    factories.put("tag", TagCommand::parse);
    factories.put("push", PushCommand::parse);
    return new CommandRegistry(factories);
  }

  /** A registry with no commands, to build on with {@link #with}. */
  public static CommandRegistry empty() {
    return new CommandRegistry(Map.of());
  }

  /** This registry with {@code name} (no percent sign) built by {@code factory}. */
  public CommandRegistry with(String name, CommandFactory factory) {
    Map<String, CommandFactory> more = new TreeMap<>(factories);
    more.put(name.toLowerCase(Locale.ROOT), factory);
    return new CommandRegistry(more);
  }

  /** The factory of the command {@code name} (no percent sign), if it is available. */
  public Optional<CommandFactory> factory(String name) {
    return Optional.ofNullable(factories.get(name.toLowerCase(Locale.ROOT)));
  }
}
