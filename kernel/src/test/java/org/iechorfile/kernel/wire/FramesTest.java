package org.iechorfile.kernel.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FramesTest {

  // A message serialized by jupyter_client's Session with key "secret-key".
  private static final List<byte[]> PYTHON_FRAMES =
      List.of(
          "<IDS|MSG>".getBytes(UTF_8),
          "43a5847c1c19e4179a4b1cfe3f0674c7f50b0feb92d548e362251c330cd52548".getBytes(UTF_8),
          ("{\"msg_id\": \"m1\", \"session\": \"s1\", \"username\": \"u\", \"date\":"
                  + " \"2026-01-01T00:00:00.000000Z\", \"msg_type\": \"execute_request\","
                  + " \"version\": \"5.3\"}")
              .getBytes(UTF_8),
          "{}".getBytes(UTF_8),
          "{}".getBytes(UTF_8),
          "{\"code\": \"ENV A=1\", \"silent\": false}".getBytes(UTF_8));

  @Test
  void split_pythonFrames_partsAndVerifiedSignature() throws Exception {
    Frames frames = Frames.split(PYTHON_FRAMES);
    assertEquals(0, frames.identities().size());
    assertArrayEquals(PYTHON_FRAMES.get(5), frames.content());
    assertTrue(frames.verifiedBy(Signer.of("hmac-sha256", "secret-key")));
  }

  @Test
  void split_identitiesBeforeDelimiter_kept() throws Exception {
    List<byte[]> withIds =
        new java.util.ArrayList<>(List.of("id1".getBytes(UTF_8), "id2".getBytes(UTF_8)));
    withIds.addAll(PYTHON_FRAMES);
    withIds.add("buffer".getBytes(UTF_8));
    Frames frames = Frames.split(withIds);
    assertEquals(2, frames.identities().size());
    assertEquals("id2", new String(frames.identities().get(1), UTF_8));
    assertEquals(1, frames.buffers().size());
  }

  @Test
  void join_afterSplit_sameFrames() throws Exception {
    List<byte[]> joined = Frames.split(PYTHON_FRAMES).join();
    assertEquals(PYTHON_FRAMES.size(), joined.size());
    for (int i = 0; i < joined.size(); i++) {
      assertArrayEquals(PYTHON_FRAMES.get(i), joined.get(i));
    }
  }

  @Test
  void signed_sameParts_signatureOfPython() {
    Frames frames =
        Frames.signed(
            Signer.of("hmac-sha256", "secret-key"),
            List.of(),
            PYTHON_FRAMES.get(2),
            PYTHON_FRAMES.get(3),
            PYTHON_FRAMES.get(4),
            PYTHON_FRAMES.get(5));
    assertEquals(new String(PYTHON_FRAMES.get(1), UTF_8), frames.signature());
  }

  @Test
  void split_noDelimiter_malformed() {
    assertThrows(MalformedMessageException.class, () -> Frames.split(List.of("x".getBytes(UTF_8))));
  }

  @Test
  void split_tooFewFrames_malformed() {
    assertThrows(MalformedMessageException.class, () -> Frames.split(PYTHON_FRAMES.subList(0, 5)));
  }
}
