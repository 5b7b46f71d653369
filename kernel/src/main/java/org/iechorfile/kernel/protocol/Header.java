package org.iechorfile.kernel.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A message header.
 *
 * @param msgId unique id of the message
 * @param session the sender's session id
 * @param username the sender's user name
 * @param date when it was sent, ISO 8601 with a zone
 * @param msgType the message type, such as {@code execute_request}
 * @param version the protocol version
 */
public record Header(
    String msgId, String session, String username, String date, String msgType, String version) {

  /** The protocol version the kernel speaks. */
  public static final String PROTOCOL_VERSION = "5.3";

  public Header {
    Objects.requireNonNull(msgId, "msgId");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(msgType, "msgType");
    Objects.requireNonNull(version, "version");
  }

  @JsonCreator
  static Header fromJson(
      @JsonProperty("msg_id") String msgId,
      @JsonProperty("session") String session,
      @JsonProperty("username") String username,
      @JsonProperty("date") String date,
      @JsonProperty("msg_type") String msgType,
      @JsonProperty("version") String version) {
    return new Header(
        orEmpty(msgId),
        orEmpty(session),
        orEmpty(username),
        orEmpty(date),
        orEmpty(msgType),
        orEmpty(version));
  }

  /** A new header for a message the kernel sends. */
  public static Header create(String msgType, String session, Instant now) {
    return new Header(
        UUID.randomUUID().toString(), session, "kernel", now.toString(), msgType, PROTOCOL_VERSION);
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
