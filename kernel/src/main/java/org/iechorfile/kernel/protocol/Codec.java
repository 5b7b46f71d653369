package org.iechorfile.kernel.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.iechorfile.kernel.wire.Frames;
import org.iechorfile.kernel.wire.MalformedMessageException;
import org.iechorfile.kernel.wire.Signer;

/**
 * Turns frames into messages and back: JSON in snake_case, unknown fields ignored, the signature
 * checked over the frames as received.
 */
public final class Codec {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ObjectMapper json =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final Signer signer;

  /** A codec signing with {@code signer}. */
  public Codec(Signer signer) {
    this.signer = signer;
  }

  /**
   * Decodes received frames.
   *
   * @throws BadSignatureException when the signature does not match
   * @throws MalformedMessageException when the frames are not a Jupyter message
   */
  public Received decode(List<byte[]> received)
      throws MalformedMessageException, BadSignatureException {
    Frames frames = Frames.split(received);
    if (!frames.verifiedBy(signer)) {
      throw new BadSignatureException(
          "the message signature does not match; is the connection file's key the same?");
    }
    try {
      Header header = json.readValue(frames.header(), Header.class);
      if (header == null || header.msgType().isEmpty()) {
        throw new MalformedMessageException("the message header has no msg_type");
      }
      Map<String, Object> metadata = object(frames.metadata());
      Map<String, Object> content = object(frames.content());
      String parent = new String(frames.parent(), StandardCharsets.UTF_8);
      Message message = new Message(frames.identities(), header, parent, metadata, content);
      return new Received(message, new String(frames.header(), StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw new MalformedMessageException("the message is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Encodes a message with its signature. */
  public List<byte[]> encode(Message message) {
    byte[] header = bytes(message.header());
    byte[] parent = message.parentHeader().getBytes(StandardCharsets.UTF_8);
    byte[] metadata = bytes(message.metadata());
    byte[] content = bytes(message.content());
    return Frames.signed(signer, message.identities(), header, parent, metadata, content).join();
  }

  /**
   * Reads a received message's content as {@code type}.
   *
   * @throws MalformedMessageException when the content does not fit the type
   */
  public <T> T content(Message message, Class<T> type) throws MalformedMessageException {
    try {
      return json.convertValue(message.content(), type);
    } catch (IllegalArgumentException e) {
      throw new MalformedMessageException(
          "the " + message.type() + " content is malformed: " + e.getMessage(), e);
    }
  }

  /** The JSON text of a value, as it would be sent. */
  public String toJson(Object value) {
    return new String(bytes(value), StandardCharsets.UTF_8);
  }

  private Map<String, Object> object(byte[] bytes) throws IOException {
    Map<String, Object> map = json.readValue(bytes, MAP);
    if (map == null) {
      throw new IOException("expected a JSON object, got null");
    }
    return map;
  }

  private byte[] bytes(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }
}
