package org.iechorfile.engine.tar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XattrDumpTest {

  @Test
  void format_unusualPath_escapedSoParseRestoresIt() {
    String path = "/snap/we ird\nname\\ü=\"";
    Map<Path, Map<String, byte[]>> attributes =
        Map.of(Path.of(path), Map.of("user.a b", new byte[] {0, (byte) 0xff}));

    String text = XattrDump.format(attributes);
    Map<String, Map<String, byte[]>> parsed = XattrDump.parse(text);

    assertEquals(1, text.chars().filter(c -> c == '#').count());
    assertArrayEquals(new byte[] {0, (byte) 0xff}, parsed.get(path).get("user.a b"));
  }

  @Test
  void parse_getfattrOutput_readsHexAndQuotedValues() {
    String dump =
        "# file: /s/a\\012b\nuser.x=0x4142\nuser.y=\"text\"\n\n# file: /s/c\nsecurity.capability=0x01\n";

    Map<String, Map<String, byte[]>> parsed = XattrDump.parse(dump);

    assertArrayEquals("AB".getBytes(StandardCharsets.UTF_8), parsed.get("/s/a\nb").get("user.x"));
    assertArrayEquals("text".getBytes(StandardCharsets.UTF_8), parsed.get("/s/a\nb").get("user.y"));
    assertArrayEquals(new byte[] {1}, parsed.get("/s/c").get("security.capability"));
  }
}
