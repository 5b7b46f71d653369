package org.iechorfile.engine.tar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PAX extended header records ({@code "LEN key=value\n"}) with values as raw bytes. The tar library
 * decodes values as UTF-8 text, which garbles binary {@code SCHILY.xattr.*} values such as {@code
 * security.capability}; these are read and written here instead.
 */
final class PaxRecords {

  private PaxRecords() {}

  /** Encodes {@code records} in order; each length counts its own digits. */
  static byte[] encode(Map<String, byte[]> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    records.forEach(
        (key, value) -> {
          byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
          int body = 1 + keyBytes.length + 1 + value.length + 1;
          int length = body + String.valueOf(body).length();
          if (String.valueOf(length).length() != String.valueOf(body).length()) {
            length = body + String.valueOf(length).length();
          }
          out.writeBytes((length + " ").getBytes(StandardCharsets.US_ASCII));
          out.writeBytes(keyBytes);
          out.write('=');
          out.writeBytes(value);
          out.write('\n');
        });
    return out.toByteArray();
  }

  /** Decodes records; a malformed tail is ignored (the tar library reports it). */
  static Map<String, byte[]> decode(byte[] header) {
    Map<String, byte[]> records = new LinkedHashMap<>();
    int position = 0;
    while (position < header.length) {
      int space = position;
      while (space < header.length && header[space] >= '0' && header[space] <= '9') {
        space++;
      }
      if (space == position || space >= header.length || header[space] != ' ') {
        break;
      }
      int length =
          Integer.parseInt(
              new String(header, position, space - position, StandardCharsets.US_ASCII));
      int end = position + length;
      if (length <= 0 || end > header.length || header[end - 1] != '\n') {
        break;
      }
      int equals = space + 1;
      while (equals < end && header[equals] != '=') {
        equals++;
      }
      if (equals >= end) {
        break;
      }
      String key = new String(header, space + 1, equals - space - 1, StandardCharsets.UTF_8);
      byte[] value = java.util.Arrays.copyOfRange(header, equals + 1, end - 1);
      records.put(key, value);
      position = end;
    }
    return records;
  }
}
