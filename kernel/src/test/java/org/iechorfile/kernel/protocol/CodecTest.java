package org.iechorfile.kernel.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.iechorfile.kernel.wire.Frames;
import org.iechorfile.kernel.wire.MalformedMessageException;
import org.iechorfile.kernel.wire.Signer;
import org.junit.jupiter.api.Test;

class CodecTest {

  private final Signer signer = Signer.of("hmac-sha256", "secret-key");
  private final Codec codec = new Codec(signer);

  private List<byte[]> request(String type, String content) {
    String header =
        "{\"msg_id\":\"m1\",\"session\":\"s1\",\"username\":\"u\",\"date\":"
            + "\"2026-01-01T00:00:00Z\",\"msg_type\":\""
            + type
            + "\",\"version\":\"5.3\",\"subshell_id\":null}";
    return Frames.signed(
            signer,
            List.of("client".getBytes(UTF_8)),
            header.getBytes(UTF_8),
            "{}".getBytes(UTF_8),
            "{}".getBytes(UTF_8),
            content.getBytes(UTF_8))
        .join();
  }

  @Test
  void decode_executeRequest_headerContentAndDefaults() throws Exception {
    Message message =
        codec.decode(request("execute_request", "{\"code\":\"ENV A=1\",\"x\":1}")).message();
    assertEquals("execute_request", message.type());
    assertEquals("m1", message.header().msgId());
    Requests.Execute execute = codec.content(message, Requests.Execute.class);
    assertEquals("ENV A=1", execute.code());
    assertTrue(execute.storeHistory());
    assertTrue(execute.stopOnError());
    assertFalse(execute.silent());
  }

  @Test
  void decode_silentExecute_noHistory() throws Exception {
    Message message =
        codec
            .decode(
                request(
                    "execute_request", "{\"code\":\"\",\"silent\":true,\"store_history\":true}"))
            .message();
    assertFalse(codec.content(message, Requests.Execute.class).storeHistory());
  }

  @Test
  void decode_badSignature_rejected() {
    List<byte[]> frames = new java.util.ArrayList<>(request("kernel_info_request", "{}"));
    frames.set(2, "0".repeat(64).getBytes(UTF_8));
    assertThrows(BadSignatureException.class, () -> codec.decode(frames));
  }

  @Test
  void decode_contentNotObject_malformed() {
    assertThrows(
        MalformedMessageException.class, () -> codec.decode(request("execute_request", "[1]")));
  }

  @Test
  void decode_headerWithoutType_malformed() {
    List<byte[]> frames =
        Frames.signed(
                signer,
                List.of(),
                "{\"msg_id\":\"m\"}".getBytes(UTF_8),
                "{}".getBytes(UTF_8),
                "{}".getBytes(UTF_8),
                "{}".getBytes(UTF_8))
            .join();
    assertThrows(MalformedMessageException.class, () -> codec.decode(frames));
  }

  @Test
  void encode_reply_parentIsRequestHeaderVerbatimAndSigned() throws Exception {
    Received request = codec.decode(request("complete_request", "{\"code\":\"FR\"}"));
    assertTrue(request.headerJson().contains("\"subshell_id\":null"), request.headerJson());
    Message reply =
        new Message(
            request.message().identities(),
            Header.create("complete_reply", "k", Instant.parse("2026-01-01T00:00:01Z")),
            request.headerJson(),
            Map.of(),
            new Replies.Complete("ok", List.of("FROM "), 0, 2, Map.of()));
    List<byte[]> frames = codec.encode(reply);
    Frames split = Frames.split(frames);
    assertTrue(split.verifiedBy(signer));
    assertEquals(request.headerJson(), new String(split.parent(), UTF_8));
    String content = new String(split.content(), UTF_8);
    assertEquals(
        "{\"status\":\"ok\",\"matches\":[\"FROM \"],\"cursor_start\":0,\"cursor_end\":2,"
            + "\"metadata\":{}}",
        content);
    Message decoded = codec.decode(frames).message();
    assertEquals("complete_reply", decoded.type());
    assertEquals("5.3", decoded.header().version());
  }

  @Test
  void toJson_isCompleteReply_indentOnlyWhenIncomplete() {
    assertEquals("{\"status\":\"complete\"}", codec.toJson(new Replies.IsComplete("complete", "")));
    assertEquals(
        "{\"status\":\"incomplete\",\"indent\":\"  \"}",
        codec.toJson(new Replies.IsComplete("incomplete", "  ")));
  }

  @Test
  void toJson_displayData_transientKey() {
    String json =
        codec.toJson(
            new Outputs.DisplayData(
                Map.of("text/plain", "x"), Map.of(), Map.of("display_id", "pull-1")));
    assertTrue(json.contains("\"transient\":{\"display_id\":\"pull-1\"}"), json);
  }

  @Test
  void content_cursorPastEnd_clampedInCodePoints() throws Exception {
    Message message =
        codec
            .decode(
                request("complete_request", "{\"code\":\"RUN \uD83D\uDE00\",\"cursor_pos\":99}"))
            .message();
    assertEquals(5, codec.content(message, Requests.Complete.class).cursorPos());
  }
}
