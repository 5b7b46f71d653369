package org.iechorfile.engine.instruction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.syntax.Heredoc;
import org.iechorfile.engine.syntax.Node;

/**
 * The typed instructions of a file as JSON, for {@code iechorfile parse --format json}. Field order
 * is fixed: {@code keyword}, {@code startLine}, {@code endLine}, {@code form} (only where an
 * instruction has one: {@code exec}/{@code shell} for commands, {@code json}/{@code plain} for
 * COPY, ADD and VOLUME), {@code flags} (as written), then {@code fields}, the instruction's typed
 * values in declaration order. Absent optional values are left out; durations are ISO-8601. Pure
 * and thread-safe.
 */
public final class InstructionJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private InstructionJson() {}

  /**
   * A file's instructions and diagnostics: {@code {"escape": …, "instructions": […], "diagnostics":
   * […]}}, each diagnostic with severity, rule, message, span and suggestions.
   */
  public static String toJson(ParsedInstructions file) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("escape", String.valueOf(file.escape()));
    ArrayNode instructions = root.putArray("instructions");
    file.instructions().forEach(i -> instructions.add(instruction(i)));
    ArrayNode diagnostics = root.putArray("diagnostics");
    file.diagnostics().forEach(d -> diagnostics.add(diagnostic(d)));
    return write(root);
  }

  /** The instructions alone, as a JSON array. */
  public static String toJson(List<Instruction> instructions) {
    ArrayNode array = MAPPER.createArrayNode();
    instructions.forEach(i -> array.add(instruction(i)));
    return write(array);
  }

  private static String write(Object tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always serialises; failing here is a programming error.
      throw new IllegalStateException("cannot write instruction JSON", e);
    }
  }

  private static ObjectNode diagnostic(Diagnostic d) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("severity", d.severity().name().toLowerCase(Locale.ROOT));
    if (!d.rule().isEmpty()) {
      o.put("rule", d.rule());
    }
    o.put("message", d.message());
    o.put("startLine", d.span().startLine());
    o.put("startColumn", d.span().startColumn());
    o.put("endLine", d.span().endLine());
    o.put("endColumn", d.span().endColumn());
    strings(o, "suggestions", d.suggestions());
    return o;
  }

  static ObjectNode instruction(Instruction instruction) {
    Node node = instruction.source();
    ObjectNode o = MAPPER.createObjectNode();
    o.put("keyword", instruction.keyword().name());
    o.put("startLine", node.span().startLine());
    o.put("endLine", node.span().endLine());
    form(instruction).ifPresent(f -> o.put("form", f));
    strings(o, "flags", node.flags());
    ObjectNode fields = o.putObject("fields");
    InstructionFields.write(instruction, fields);
    return o;
  }

  private static Optional<String> form(Instruction instruction) {
    switch (instruction.keyword()) {
      case RUN:
      case CMD:
      case ENTRYPOINT:
      case SHELL:
        return Optional.of(instruction.source().json() ? "exec" : "shell");
      case HEALTHCHECK:
        Healthcheck check = (Healthcheck) instruction;
        return check.none()
            ? Optional.empty()
            : Optional.of(check.command().exec() ? "exec" : "shell");
      case COPY:
      case ADD:
      case VOLUME:
        return Optional.of(instruction.source().json() ? "json" : "plain");
      default:
        return Optional.empty();
    }
  }

  static void strings(ObjectNode o, String name, List<String> values) {
    ArrayNode array = o.putArray(name);
    values.forEach(array::add);
  }

  static void optional(ObjectNode o, String name, Optional<String> value) {
    value.ifPresent(v -> o.put(name, v));
  }

  static void heredocs(ObjectNode o, List<Heredoc> heredocs) {
    ArrayNode array = o.putArray("heredocs");
    for (Heredoc h : heredocs) {
      ObjectNode item = array.addObject();
      item.put("name", h.name());
      item.put("expand", h.expand());
      item.put("chomp", h.chomp());
      item.put("body", h.body());
    }
  }
}
