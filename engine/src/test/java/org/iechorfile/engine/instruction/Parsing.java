package org.iechorfile.engine.instruction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.syntax.Heredoc;
import org.iechorfile.engine.syntax.Node;

/** Shortcuts for tests: type a line and get the instruction, its one error or its warnings. */
final class Parsing {

  private static final InstructionParser PARSER = new InstructionParser();

  private Parsing() {}

  static <T extends Instruction> T typed(String text, Class<T> type) {
    return typed(TestNodes.node(text), type);
  }

  static <T extends Instruction> T typed(String text, List<Heredoc> heredocs, Class<T> type) {
    return typed(TestNodes.node(text, heredocs), type);
  }

  static <T extends Instruction> T typed(Node node, Class<T> type) {
    ParseResult result = PARSER.parse(node);
    assertTrue(result.instruction().isPresent(), () -> "errors: " + result.diagnostics());
    return type.cast(result.instruction().get());
  }

  static Diagnostic error(String text) {
    return error(TestNodes.node(text));
  }

  static Diagnostic error(Node node) {
    ParseResult result = PARSER.parse(node);
    assertTrue(result.hasErrors(), () -> "no error for " + node.original());
    assertEquals(1, result.diagnostics().size(), () -> result.diagnostics().toString());
    return result.diagnostics().get(0);
  }

  static String message(String text) {
    return error(text).message();
  }

  static List<Diagnostic> warnings(String text) {
    ParseResult result = PARSER.parse(TestNodes.node(text));
    assertTrue(result.instruction().isPresent(), () -> "errors: " + result.diagnostics());
    return result.diagnostics();
  }
}
