package org.iechorfile.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the distribution spec's error bodies: {@code {"errors":[{"code","message"}]}}. */
final class RegistryErrors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_TEXT = 200;

  private RegistryErrors() {}

  /** {@code HTTP 404 MANIFEST_UNKNOWN: manifest unknown}, or the status and a text excerpt. */
  static String describe(int status, byte[] body) {
    List<String> errors = new ArrayList<>();
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null) {
        for (JsonNode error : node.path("errors")) {
          String code = error.path("code").asText("");
          String message = error.path("message").asText("");
          errors.add(code.isEmpty() ? message : code + ": " + message);
        }
        if (errors.isEmpty() && node.path("details").isTextual()) {
          errors.add(node.get("details").asText());
        }
      }
    } catch (IOException e) {
      // Not JSON: fall back to a short excerpt of the text below.
    }
    if (errors.isEmpty()) {
      String text = new String(body, StandardCharsets.UTF_8).strip();
      if (text.length() > MAX_TEXT) {
        text = text.substring(0, MAX_TEXT) + "...";
      }
      return "HTTP " + status + (text.isEmpty() ? "" : ": " + text);
    }
    return "HTTP " + status + " " + String.join("; ", errors);
  }
}
