package org.iechorfile.engine.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exec-form detection: strict JSON, silent fallback, non-string elements singled out. */
class JsonArrayTest {

  private static JsonArray.Kind kind(String rest) {
    return JsonArray.parse(rest).kind();
  }

  @Test
  void parse_arraysOfStrings_decoded() {
    assertEquals(List.of("a", "b c"), JsonArray.parse(" [\"a\", \"b c\"] ").elements());
    assertEquals(List.of(), JsonArray.parse("[ ]").elements());
    assertEquals(
        List.of("é/\"\\\b\f\n\r\t"),
        JsonArray.parse("[\"\\u00e9\\/\\\"\\\\\\b\\f\\n\\r\\t\"]").elements());
    assertEquals(List.of("\uD83D\uDE00"), JsonArray.parse("[\"\\ud83d\\ude00\"]").elements());
    assertEquals(List.of("\uFFFDx"), JsonArray.parse("[\"\\ud800x\"]").elements());
  }

  @Test
  void parse_validArrayWithOtherValues_nonStringElement() {
    for (String text :
        List.of(
            "[1]",
            "[\"a\", true]",
            "[null]",
            "[1e5, -0.5E-3, 0]",
            "[[\"a\"]]",
            "[{\"a\":[1,{}]}]",
            "[{}]")) {
      assertEquals(JsonArray.Kind.NON_STRING_ELEMENT, kind(text), text);
    }
  }

  @Test
  void parse_invalidJson_notJson() {
    for (String text :
        List.of(
            "",
            "a",
            "[",
            "[\"a\"",
            "[1,]",
            "[01]",
            "[1.]",
            "[-]",
            "[\"\\x\"]",
            "[\"a\" \"b\"]",
            "[{\"a\":1,}]",
            "[{\"a\" 1}]",
            "[{1:2}]",
            "[\"a\"]]",
            "[\"tab\there\"]",
            "[nul]",
            "['a']",
            "[\"a\"] x",
            "[\"a\"\u000b]",
            "[\"\\u12\"]",
            "[+1]")) {
      assertEquals(JsonArray.Kind.NOT_JSON, kind(text), text);
    }
  }
}
