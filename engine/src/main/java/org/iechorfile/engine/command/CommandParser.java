package org.iechorfile.engine.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.SourceSpan;

/**
 * Reads {@code %} command lines into typed commands, the same way for the REPL and the kernel. The
 * names and options come from the {@link CommandCatalogue}; which class carries out each command
 * comes from the {@link CommandRegistry}. Mistakes come back as diagnostics, never as exceptions.
 * Immutable and thread-safe.
 */
public final class CommandParser {

  private final CommandCatalogue catalogue;
  private final CommandRegistry registry;

  /** A parser over {@code catalogue} whose commands are built by {@code registry}. */
  public CommandParser(CommandCatalogue catalogue, CommandRegistry registry) {
    this.catalogue = catalogue;
    this.registry = registry;
  }

  /** The parser of the standard catalogue and the standard commands. */
  public static CommandParser standard() {
    return new CommandParser(CommandCatalogue.standard(), CommandRegistry.standard());
  }

  /**
   * Reads one command line.
   *
   * @param line a line starting with {@code %} (leading blanks allowed); not null
   * @return the command, or diagnostics with spans into the line (line 1)
   */
  public ParsedCommand parse(String line) {
    List<CommandWords.Word> words = CommandWords.split(line);
    if (words.isEmpty() || !words.get(0).text().startsWith("%")) {
      return ParsedCommand.rejected(
          line,
          List.of(
              Diagnostic.error(
                  "a command starts with %; type %help for the list", SourceSpan.of(1, 1, 1))));
    }
    CommandWords.Word name = words.get(0);
    Optional<CommandSpec> spec = catalogue.find(name.text());
    if (spec.isEmpty()) {
      return ParsedCommand.rejected(
          line,
          List.of(
              Diagnostic.error(
                  "unknown command " + name.text() + "; type %help for the list of commands",
                  name.span())));
    }
    Optional<CommandFactory> factory = registry.factory(spec.get().name());
    if (factory.isEmpty()) {
      return ParsedCommand.rejected(
          line,
          List.of(
              Diagnostic.error(
                  spec.get().spelled() + " is not available in this version of iechorfile",
                  name.span())));
    }
    Read read = invocation(spec.get(), line, words);
    return read.error().isPresent()
        ? ParsedCommand.rejected(line, List.of(read.error().get()))
        : factory.get().create(read.invocation().orElseThrow());
  }

  private record Read(Optional<Invocation> invocation, Optional<Diagnostic> error) {}

  private static Read invocation(CommandSpec spec, String line, List<CommandWords.Word> words) {
    String rest = line.strip().substring(words.get(0).text().length()).strip();
    if (spec.argument() == ArgumentKind.COMMAND_LINE || spec.argument() == ArgumentKind.TOPIC) {
      return new Read(
          Optional.of(new Invocation(spec, line, List.of(), List.of(), Map.of(), rest)),
          Optional.empty());
    }
    List<String> arguments = new ArrayList<>();
    List<SourceSpan> spans = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < words.size(); i++) {
      CommandWords.Word word = words.get(i);
      if (word.text().startsWith("-") && word.text().length() > 1 && !isNumber(word.text())) {
        OptionRead read = readOption(spec, words, i, options);
        if (read.error().isPresent()) {
          return new Read(Optional.empty(), read.error());
        }
        i = read.last();
      } else {
        arguments.add(word.text());
        spans.add(word.span());
      }
    }
    return new Read(
        Optional.of(new Invocation(spec, line, arguments, spans, options, rest)), Optional.empty());
  }

  private record OptionRead(int last, Optional<Diagnostic> error) {}

  private static OptionRead readOption(
      CommandSpec spec, List<CommandWords.Word> words, int index, Map<String, String> options) {
    CommandWords.Word word = words.get(index);
    String text = word.text();
    int eq = text.indexOf('=');
    String name = eq < 0 ? text : text.substring(0, eq);
    Optional<CommandOption> option = spec.option(name);
    if (option.isEmpty() && eq < 0 && !name.startsWith("--") && name.length() > 2) {
      // Combined short options: -la is -l -a.
      for (char c : name.substring(1).toCharArray()) {
        if (spec.option("-" + c).filter(o -> !o.takesValue()).isEmpty()) {
          return new OptionRead(index, Optional.of(unknownOption(spec, word)));
        }
        options.put("-" + c, "");
      }
      return new OptionRead(index, Optional.empty());
    }
    if (option.isEmpty()) {
      return new OptionRead(index, Optional.of(unknownOption(spec, word)));
    }
    if (!option.get().takesValue()) {
      options.put(name, "");
      return new OptionRead(index, Optional.empty());
    }
    if (eq >= 0) {
      return accept(option.get(), text.substring(eq + 1), word, index, options);
    }
    if (index + 1 >= words.size()) {
      return new OptionRead(
          index,
          Optional.of(
              Diagnostic.error(
                  name
                      + " needs a value "
                      + option.get().valueName()
                      + "; usage: "
                      + spec.synopsis(),
                  word.span())));
    }
    return accept(
        option.get(), words.get(index + 1).text(), words.get(index + 1), index + 1, options);
  }

  private static OptionRead accept(
      CommandOption option,
      String value,
      CommandWords.Word word,
      int last,
      Map<String, String> options) {
    if (!option.values().isEmpty() && !option.values().contains(value)) {
      return new OptionRead(
          last,
          Optional.of(
              Diagnostic.error(
                  option.name() + " takes one of " + String.join(", ", option.values()),
                  word.span())));
    }
    options.put(option.name(), value);
    return new OptionRead(last, Optional.empty());
  }

  private static Diagnostic unknownOption(CommandSpec spec, CommandWords.Word word) {
    String known =
        spec.options().isEmpty()
            ? spec.spelled() + " takes no options"
            : "it takes "
                + String.join(", ", spec.options().stream().map(CommandOption::name).toList());
    return Diagnostic.error(
        "unknown option " + word.text() + " for " + spec.spelled() + "; " + known, word.span());
  }

  private static boolean isNumber(String text) {
    return text.matches("-\\d+");
  }
}
