package org.iechorfile.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformTest {

  @ParameterizedTest
  @CsvSource({
    "linux/arm64/v8, linux/arm64/v8",
    "linux/aarch64, linux/arm64",
    "linux/x86_64, linux/amd64",
    "Linux/AMD64, linux/amd64",
    "linux/armhf, linux/arm/v7",
    "linux/armel, linux/arm/v6",
    "linux/arm/7, linux/arm/v7",
    "linux/i386, linux/386"
  })
  void parse_spellings_normalised(String text, String expected) {
    assertEquals(expected, Platform.parse(text).toString());
  }

  @ParameterizedTest
  @CsvSource({"linux", "linux/", "/amd64", "linux/arm/v7/x", "''"})
  void parse_malformed_throwsWithExpectedForm(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Platform.parse(text));
    assertTrue(e.getMessage().contains("os/architecture"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "linux/arm64, linux/arm64/v8, true",
    "linux/arm64/v8, linux/arm64, true",
    "linux/arm/v7, linux/arm, true",
    "linux/arm/v7, linux/arm/v6, true",
    "linux/arm/v6, linux/arm/v7, false",
    "linux/amd64, linux/amd64/v2, false",
    "linux/amd64/v3, linux/amd64/v2, true",
    "linux/amd64, linux/arm64, false",
    "linux/amd64, windows/amd64, false",
    "linux/riscv64, linux/riscv64, true",
    "linux/ppc64le/x, linux/ppc64le/y, false"
  })
  void matches_dockerRules(String wanted, String candidate, boolean expected) {
    assertEquals(expected, Platform.parse(wanted).matches(Platform.parse(candidate)));
  }

  @Test
  void rank_exactVariant_beatsOlderCompatible() {
    Platform want = Platform.parse("linux/arm/v7");
    assertEquals(0, want.rank(Platform.parse("linux/arm/v7")).getAsInt());
    assertEquals(1, want.rank(Platform.parse("linux/arm/v6")).getAsInt());
    assertFalse(want.rank(Platform.parse("linux/arm64")).isPresent());
  }

  @Test
  void select_index_picksExactBeforeCompatible() {
    Descriptor v6 = entry("linux/arm/v6", 'a');
    Descriptor v7 = entry("linux/arm/v7", 'b');
    Descriptor amd = entry("linux/amd64", 'c');
    Descriptor noPlatform = Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.sha256("x"), 1);
    ImageIndex index = ImageIndex.oci(List.of(noPlatform, v6, amd, v7));
    assertEquals(Optional.of(v7), index.select(Platform.parse("linux/arm/v7")));
    assertEquals(Optional.of(v6), index.select(Platform.parse("linux/arm/v6")));
    assertEquals(Optional.of(amd), index.select(Platform.LINUX_AMD64));
    assertEquals(Optional.empty(), index.select(Platform.parse("linux/s390x")));
    assertEquals(3, index.platforms().size());
  }

  private static Descriptor entry(String platform, char fill) {
    Digest digest = new Digest("sha256", String.valueOf(fill).repeat(64));
    return Descriptor.of(MediaTypes.OCI_MANIFEST, digest, 10)
        .withPlatform(Platform.parse(platform));
  }
}
