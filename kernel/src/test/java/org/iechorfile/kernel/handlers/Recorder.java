package org.iechorfile.kernel.handlers;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iechorfile.kernel.protocol.Codec;
import org.iechorfile.kernel.protocol.Header;
import org.iechorfile.kernel.protocol.Message;
import org.iechorfile.kernel.protocol.Received;
import org.iechorfile.kernel.wire.Signer;

/** Builds exchanges whose replies and IOPub messages are recorded in memory. */
final class Recorder {

  final List<Message> replies = new ArrayList<>();
  final List<Message> iopub = new ArrayList<>();
  final Codec codec = new Codec(Signer.of("hmac-sha256", "k"));
  final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  Exchange exchange(String type, Map<String, Object> content) {
    return exchange(type, content, Map.of(), "2026-01-01T00:00:00Z");
  }

  Exchange exchange(
      String type, Map<String, Object> content, Map<String, Object> metadata, String date) {
    Header header = new Header("req-" + replies.size(), "client", "u", date, type, "5.3");
    Message request = new Message(List.of(), header, "{}", metadata, content);
    return new Exchange(
        new Received(request, codec.toJson(header)),
        codec,
        replies::add,
        iopub::add,
        "kernel",
        clock);
  }

  Message lastReply() {
    return replies.get(replies.size() - 1);
  }

  /** The IOPub message types, in order. */
  List<String> iopubTypes() {
    List<String> types = new ArrayList<>();
    for (Message message : iopub) {
      types.add(message.type());
    }
    return types;
  }

  /** The JSON of a message's content. */
  String json(Message message) {
    return codec.toJson(message.content());
  }

  void clear() {
    replies.clear();
    iopub.clear();
  }
}
