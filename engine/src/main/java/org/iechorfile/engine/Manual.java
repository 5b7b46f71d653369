package org.iechorfile.engine;

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
import org.iechorfile.engine.syntax.FlagSpec;
import org.iechorfile.engine.syntax.Keyword;

/**
 * The documentation of the instructions, their flags and the mount types, read once from the
 * bundled {@code instructions.json}. Also the one source of the values that flags and mount keys
 * accept where those form a fixed list.
 */
final class Manual {

  private static final String RESOURCE = "instructions.json";

  private final JsonNode root;

  private Manual(JsonNode root) {
    this.root = root;
  }

  /** The manual of this release. */
  static Manual standard() {
    return Holder.STANDARD;
  }

  /** The documentation of {@code keyword}, its flags listed as items. */
  Optional<Documentation> instruction(Keyword keyword) {
    JsonNode node = root.path("instructions").path(keyword.name());
    if (node.isMissingNode()) {
      return Optional.empty();
    }
    List<Documentation.Item> items = new ArrayList<>();
    for (FlagSpec flag : keyword.flags()) {
      String summary = node.path("flags").path(flag.name()).path("summary").asText("");
      items.add(new Documentation.Item(flag.spelled(), summary));
    }
    return documentation(keyword.name(), node, items);
  }

  /** The documentation of {@code keyword}'s flag {@code name} (without dashes). */
  Optional<Documentation> flag(Keyword keyword, String name) {
    JsonNode node = root.path("instructions").path(keyword.name()).path("flags").path(name);
    if (node.isMissingNode() || keyword.flag(name).isEmpty()) {
      return Optional.empty();
    }
    List<Documentation.Item> items = new ArrayList<>();
    if (keyword == Keyword.RUN && name.equals("mount")) {
      for (String type : mountTypes()) {
        items.add(
            new Documentation.Item(
                "type=" + type, root.path("mountTypes").path(type).path("summary").asText()));
      }
    }
    values(node.path("values")).forEach((v, d) -> items.add(new Documentation.Item(v, d)));
    return documentation(keyword.name() + " --" + name, node, items);
  }

  /** The documentation of the mount type {@code type} ({@code cache}), its keys as items. */
  Optional<Documentation> mountType(String type) {
    JsonNode node = root.path("mountTypes").path(type.toLowerCase(Locale.ROOT));
    if (node.isMissingNode()) {
      return Optional.empty();
    }
    List<Documentation.Item> items = new ArrayList<>();
    mountKeys(type).forEach((k, d) -> items.add(new Documentation.Item(k, d)));
    return documentation("RUN --mount=type=" + type.toLowerCase(Locale.ROOT), node, items);
  }

  /** The documentation of the parser directive {@code name} ({@code escape}), in any case. */
  Optional<Documentation> directive(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    JsonNode node = root.path("directives").path(key);
    if (node.isMissingNode()) {
      return Optional.empty();
    }
    return documentation("# " + key, node, List.of());
  }

  /** The names of the parser directives, in documentation order. */
  List<String> directives() {
    List<String> names = new ArrayList<>();
    root.path("directives").properties().forEach(e -> names.add(e.getKey()));
    return names;
  }

  /** The mount types, in documentation order. */
  List<String> mountTypes() {
    List<String> types = new ArrayList<>();
    root.path("mountTypes").properties().forEach(e -> types.add(e.getKey()));
    return types;
  }

  /** The keys of mount type {@code type} with their summaries, in documentation order. */
  Map<String, String> mountKeys(String type) {
    return values(root.path("mountTypes").path(type.toLowerCase(Locale.ROOT)).path("keys"));
  }

  /** The values the mount key {@code key} accepts, with summaries; empty when not enumerable. */
  Map<String, String> mountValues(String key) {
    if (key.equals("type")) {
      Map<String, String> types = new LinkedHashMap<>();
      for (String type : mountTypes()) {
        types.put(type, root.path("mountTypes").path(type).path("summary").asText());
      }
      return types;
    }
    return values(root.path("mountValues").path(key));
  }

  /** The values {@code keyword}'s flag {@code name} accepts, with summaries; may be empty. */
  Map<String, String> flagValues(Keyword keyword, String name) {
    return values(
        root.path("instructions").path(keyword.name()).path("flags").path(name).path("values"));
  }

  /** The one-line summary of {@code keyword}'s flag {@code name}, or empty text. */
  String flagSummary(Keyword keyword, String name) {
    return root.path("instructions")
        .path(keyword.name())
        .path("flags")
        .path(name)
        .path("summary")
        .asText("");
  }

  /** The one-line summary of {@code keyword}. */
  String summary(Keyword keyword) {
    return root.path("instructions").path(keyword.name()).path("summary").asText("");
  }

  private static Optional<Documentation> documentation(
      String topic, JsonNode node, List<Documentation.Item> items) {
    return Optional.of(
        new Documentation(
            topic,
            node.path("summary").asText(""),
            node.path("explanation").asText(""),
            node.path("syntax").asText(""),
            node.path("example").asText(""),
            items));
  }

  private static Map<String, String> values(JsonNode object) {
    Map<String, String> values = new LinkedHashMap<>();
    object.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
    return Collections.unmodifiableMap(values);
  }

  private static final class Holder {
    static final Manual STANDARD = read();
  }

  private static Manual read() {
    try (InputStream in = Manual.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the instruction manual resource " + RESOURCE + " is missing");
      }
      return new Manual(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the instruction manual " + RESOURCE, e);
    }
  }
}
