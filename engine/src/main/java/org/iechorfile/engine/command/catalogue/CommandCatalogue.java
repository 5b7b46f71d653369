package org.iechorfile.engine.command.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code %} commands of the command language, as listed in the design's command table: their
 * synopses, options and documentation. This is the one list that help, completion, highlighting and
 * the front ends' command parser draw from. Immutable and safe to share between threads.
 */
public final class CommandCatalogue {

  private static final String RESOURCE = "commands.json";

  private final Map<String, CommandSpec> commands;

  private CommandCatalogue(Map<String, CommandSpec> commands) {
    this.commands = commands;
  }

  /**
   * The catalogue of this release, read once from the bundled resource.
   *
   * @throws IllegalStateException if the bundled resource is missing or malformed (a broken build)
   */
  public static CommandCatalogue standard() {
    return Holder.STANDARD;
  }

  /** Every command, in the order of the design's command table. */
  public List<CommandSpec> all() {
    return List.copyOf(commands.values());
  }

  /**
   * The command named {@code name}, with or without its percent sign, in any case.
   *
   * @param name a command name such as {@code %undo} or {@code undo}
   * @return the command, or empty when there is none of that name
   */
  public Optional<CommandSpec> find(String name) {
    String bare = name.startsWith("%") ? name.substring(1) : name;
    return Optional.ofNullable(commands.get(bare.toLowerCase(Locale.ROOT)));
  }

  private static final class Holder {
    static final CommandCatalogue STANDARD = read();
  }

  private static CommandCatalogue read() {
    try (InputStream in = CommandCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the command catalogue resource " + RESOURCE + " is missing");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, CommandSpec> commands = new LinkedHashMap<>();
      for (JsonNode node : root.path("commands")) {
        CommandSpec spec = spec(node);
        if (commands.put(spec.name(), spec) != null) {
          throw new IllegalStateException("command %" + spec.name() + " is listed twice");
        }
      }
      return new CommandCatalogue(Collections.unmodifiableMap(commands));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the command catalogue " + RESOURCE, e);
    }
  }

  private static CommandSpec spec(JsonNode node) {
    List<CommandOption> options = new ArrayList<>();
    for (JsonNode option : node.path("options")) {
      options.add(
          new CommandOption(
              text(option, "name"),
              option.path("value").asText(""),
              strings(option.path("values")),
              text(option, "summary")));
    }
    return new CommandSpec(
        text(node, "name"),
        text(node, "area"),
        text(node, "synopsis"),
        text(node, "summary"),
        text(node, "explanation"),
        text(node, "example"),
        ArgumentKind.valueOf(node.path("argument").asText("NONE")),
        strings(node.path("choices")),
        options);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalStateException("command catalogue entry lacks \"" + field + "\": " + node);
    }
    return value.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
