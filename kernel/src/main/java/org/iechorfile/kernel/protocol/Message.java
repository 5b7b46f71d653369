package org.iechorfile.kernel.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Jupyter message, decoded.
 *
 * @param identities routing frames (or the IOPub topic)
 * @param header the header
 * @param parentHeader the parent header as raw JSON text ({@code {}} when there is none)
 * @param metadata the metadata
 * @param content the content: a {@code Map} for received messages, a protocol record or map for
 *     messages to send
 */
public record Message(
    List<byte[]> identities,
    Header header,
    String parentHeader,
    Map<String, Object> metadata,
    Object content) {

  public Message {
    identities = List.copyOf(identities);
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(parentHeader, "parentHeader");
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    Objects.requireNonNull(content, "content");
  }

  /** The message type. */
  public String type() {
    return header.msgType();
  }
}
