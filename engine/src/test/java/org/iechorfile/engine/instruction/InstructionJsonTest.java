package org.iechorfile.engine.instruction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.iechorfile.engine.syntax.LineParser;
import org.junit.jupiter.api.Test;

class InstructionJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String json(String text) {
    return InstructionJson.toJson(new InstructionParser().parse(LineParser.parse(text)));
  }

  @Test
  void toJson_copy_writesFieldsInStableOrder() throws Exception {
    String out = json("FROM alpine AS base\nCOPY --chown=app --link a b /dst/\n");
    JsonNode copy = MAPPER.readTree(out).get("instructions").get(1);
    assertEquals(
        List.of("keyword", "startLine", "endLine", "form", "flags", "fields"), names(copy));
    assertEquals("COPY", copy.get("keyword").asText());
    assertEquals(2, copy.get("startLine").asInt());
    assertEquals("plain", copy.get("form").asText());
    assertEquals("[\"--chown=app\",\"--link\"]", copy.get("flags").toString());
    assertEquals(
        "{\"sources\":[\"a\",\"b\"],\"heredocSources\":[],\"destination\":\"/dst/\","
            + "\"chown\":\"app\",\"link\":true,\"parents\":false,\"excludes\":[]}",
        copy.get("fields").toString());
  }

  @Test
  void toJson_wholeFile_matchesExpectedDocument() throws Exception {
    String out =
        json(
            "FROM --platform=linux/amd64 alpine AS Build\n"
                + "RUN --mount=type=cache,target=/c --network=none [\"make\"]\n"
                + "ENV A=1\n"
                + "ARG V B=2\n"
                + "HEALTHCHECK --interval=30s CMD true\n"
                + "ONBUILD USER app\n"
                + "CMD serve\n");
    JsonNode root = MAPPER.readTree(out);
    assertEquals("\\", root.get("escape").asText());
    List<String> fields = new ArrayList<>();
    root.get("instructions").forEach(i -> fields.add(i.get("fields").toString()));
    assertEquals(
        List.of(
            "{\"image\":\"alpine\",\"platform\":\"linux/amd64\",\"stageName\":\"build\"}",
            "{\"command\":[\"make\"],\"mounts\":[{\"type\":\"cache\",\"target\":\"/c\","
                + "\"readOnly\":false,\"required\":false}],\"network\":\"none\","
                + "\"security\":\"sandbox\",\"devices\":[],\"heredocs\":[]}",
            "{\"pairs\":[{\"key\":\"A\",\"value\":\"1\"}],\"legacy\":false}",
            "{\"definitions\":[{\"name\":\"V\"},{\"name\":\"B\",\"defaultValue\":\"2\"}]}",
            "{\"none\":false,\"test\":[\"CMD-SHELL\",\"true\"],\"interval\":\"PT30S\","
                + "\"timeout\":\"PT0S\",\"startPeriod\":\"PT0S\",\"startInterval\":\"PT0S\","
                + "\"retries\":0}",
            "{\"expression\":\"USER app\",\"trigger\":{\"keyword\":\"USER\",\"startLine\":6,"
                + "\"endLine\":6,\"flags\":[],\"fields\":{\"user\":\"app\"}}}",
            "{\"command\":[\"serve\"]}"),
        fields);
    assertEquals("exec", root.get("instructions").get(1).get("form").asText());
    assertEquals("shell", root.get("instructions").get(6).get("form").asText());
    JsonNode warning = root.get("diagnostics").get(0);
    assertEquals("StageNameCasing", warning.get("rule").asText());
    assertEquals("warning", warning.get("severity").asText());
    assertEquals(1, warning.get("startLine").asInt());
  }

  @Test
  void toJson_error_listsSuggestions() throws Exception {
    JsonNode d = MAPPER.readTree(json("FROM a\nCPOY a b\n")).get("diagnostics").get(0);
    assertEquals("error", d.get("severity").asText());
    assertEquals("[\"COPY\"]", d.get("suggestions").toString());
    assertTrue(d.get("rule") == null);
  }

  @Test
  void toJson_instructionList_isAnArray() throws Exception {
    List<Instruction> list =
        new InstructionParser().parse(LineParser.parse("FROM a\nWORKDIR /w\n")).instructions();
    JsonNode array = MAPPER.readTree(InstructionJson.toJson(list));
    assertEquals(2, array.size());
    assertEquals("/w", array.get(1).get("fields").get("path").asText());
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    Iterator<String> it = node.fieldNames();
    it.forEachRemaining(names::add);
    return names;
  }
}
