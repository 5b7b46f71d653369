package org.iechorfile.kernel.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignerTest {

  // Computed with Python's hmac module over the same four parts.
  private static final String VECTOR =
      "d24613c901272087168eb7a17b371d2f54d14044dca08737846f4baf86191b6a";
  private static final List<byte[]> PARTS =
      List.of(
          "{\"msg_id\":\"1\",\"msg_type\":\"kernel_info_request\"}".getBytes(UTF_8),
          "{}".getBytes(UTF_8),
          "{}".getBytes(UTF_8),
          "{}".getBytes(UTF_8));

  @Test
  void sign_knownVector_matchesPythonHmac() {
    assertEquals(VECTOR, Signer.of("hmac-sha256", "secret-key").sign(PARTS));
  }

  @Test
  void verify_upperCaseHex_accepted() {
    assertTrue(Signer.of("hmac-sha256", "secret-key").verify(VECTOR.toUpperCase(), PARTS));
  }

  @Test
  void verify_otherKey_rejected() {
    assertFalse(Signer.of("hmac-sha256", "other-key").verify(VECTOR, PARTS));
  }

  @Test
  void verify_changedContent_rejected() {
    List<byte[]> changed =
        List.of(PARTS.get(0), PARTS.get(1), PARTS.get(2), "{\"a\":1}".getBytes(UTF_8));
    assertFalse(Signer.of("hmac-sha256", "secret-key").verify(VECTOR, changed));
  }

  @Test
  void verify_truncatedSignature_rejected() {
    assertFalse(Signer.of("hmac-sha256", "secret-key").verify(VECTOR.substring(2), PARTS));
  }

  @Test
  void sign_emptyKey_emptySignatureAndEverythingPasses() {
    Signer signer = Signer.of("hmac-sha256", "");
    assertEquals("", signer.sign(PARTS));
    assertTrue(signer.verify("anything", PARTS));
  }

  @Test
  void of_unknownScheme_throws() {
    assertThrows(IllegalArgumentException.class, () -> Signer.of("rsa", "k"));
    assertThrows(IllegalArgumentException.class, () -> Signer.of("hmac-nosuch", "k"));
  }

  @Test
  void toString_key_redacted() {
    assertFalse(Signer.of("hmac-sha256", "secret-key").toString().contains("secret"));
  }
}
