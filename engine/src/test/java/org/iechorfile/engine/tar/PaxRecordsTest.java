package org.iechorfile.engine.tar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaxRecordsTest {

  @Test
  void encode_lengthCountsItsOwnDigits() {
    byte[] eight = PaxRecords.encode(Map.of("k", "abc".getBytes(StandardCharsets.UTF_8)));
    byte[] boundary = PaxRecords.encode(Map.of("key", new byte[92]));

    assertEquals("8 k=abc\n", new String(eight, StandardCharsets.UTF_8));
    assertEquals(101, boundary.length);
    assertEquals("101 key=", new String(boundary, 0, 8, StandardCharsets.UTF_8));
    assertEquals(92, PaxRecords.decode(boundary).get("key").length);
  }

  @Test
  void decode_binaryValues_keptByteForByte() {
    Map<String, byte[]> records = new LinkedHashMap<>();
    records.put("path", "usr/bin/ping".getBytes(StandardCharsets.UTF_8));
    records.put(
        "SCHILY.xattr.security.capability", new byte[] {1, 0, 0, 2, '\n', (byte) 0xff, '='});

    Map<String, byte[]> decoded = PaxRecords.decode(PaxRecords.encode(records));

    assertEquals(records.keySet(), decoded.keySet());
    assertArrayEquals(
        records.get("SCHILY.xattr.security.capability"),
        decoded.get("SCHILY.xattr.security.capability"));
  }

  @Test
  void decode_malformedTail_ignored() {
    byte[] header = "12 path=abc\n99 broken".getBytes(StandardCharsets.UTF_8);

    Map<String, byte[]> decoded = PaxRecords.decode(header);

    assertEquals(1, decoded.size());
    assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), decoded.get("path"));
  }
}
