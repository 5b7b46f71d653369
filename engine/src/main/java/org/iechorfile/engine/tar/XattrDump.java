package org.iechorfile.engine.tar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text format of {@code getfattr --dump -e hex}, which {@code setfattr --restore} reads back:
 * blocks of {@code # file: PATH} followed by {@code name=0xHEX} lines. Paths and names escape
 * unusual bytes as {@code \ooo}.
 */
final class XattrDump {

  private XattrDump() {}

  /** Formats attributes for {@code setfattr --restore}; paths should be absolute. */
  static String format(Map<Path, Map<String, byte[]>> attributes) {
    StringBuilder text = new StringBuilder();
    HexFormat hex = HexFormat.of();
    attributes.forEach(
        (path, values) -> {
          text.append("# file: ").append(escape(path.toString())).append('\n');
          values.forEach(
              (name, value) ->
                  text.append(escape(name))
                      .append("=0x")
                      .append(hex.formatHex(value))
                      .append('\n'));
          text.append('\n');
        });
    return text.toString();
  }

  /** Parses {@code getfattr} output; keys are the paths as printed, unescaped. */
  static Map<String, Map<String, byte[]>> parse(String dump) {
    Map<String, Map<String, byte[]>> result = new LinkedHashMap<>();
    Map<String, byte[]> current = null;
    for (String line : dump.split("\n", -1)) {
      if (line.startsWith("# file: ")) {
        current = new TreeMap<>();
        result.put(unescape(line.substring("# file: ".length())), current);
      } else if (!line.isEmpty() && current != null) {
        int equals = line.indexOf('=');
        String name = unescape(equals < 0 ? line : line.substring(0, equals));
        current.put(name, equals < 0 ? new byte[0] : decodeValue(line.substring(equals + 1)));
      }
    }
    return result;
  }

  private static byte[] decodeValue(String value) {
    if (value.startsWith("0x")) {
      return HexFormat.of().parseHex(value.substring(2));
    }
    if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
      return unescape(value.substring(1, value.length() - 1)).getBytes(StandardCharsets.UTF_8);
    }
    return value.getBytes(StandardCharsets.UTF_8);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c <= 0x20 || c >= 0x7f || c == '\\' || c == '=' || c == '"') {
        out.append('\\').append(String.format("%03o", c));
      } else {
        out.append((char) c);
      }
    }
    return out.toString();
  }

  static String unescape(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 3 < text.length() && isOctal(text, i + 1)) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 4), 8));
        i += 3;
      } else if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\\') {
        bytes.write('\\');
        i += 1;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isOctal(String text, int from) {
    for (int i = from; i < from + 3; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '7') {
        return false;
      }
    }
    return true;
  }
}
