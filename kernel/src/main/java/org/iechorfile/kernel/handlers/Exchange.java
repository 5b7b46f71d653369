package org.iechorfile.kernel.handlers;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.iechorfile.kernel.protocol.Codec;
import org.iechorfile.kernel.protocol.Header;
import org.iechorfile.kernel.protocol.Message;
import org.iechorfile.kernel.protocol.Received;
import org.iechorfile.kernel.wire.MalformedMessageException;

/**
 * One request being answered: its reply goes back on the socket it came from, its side effects go
 * to IOPub. Used on the thread that owns the request's socket.
 */
public final class Exchange {

  private final Message request;
  private final String parent;
  private final Codec codec;
  private final Consumer<Message> replies;
  private final Consumer<Message> iopub;
  private final String session;
  private final Clock clock;

  /**
   * An exchange for {@code request}.
   *
   * @param request the request and its header as received
   * @param codec reads the request's content
   * @param replies sends on the request's socket
   * @param iopub publishes on IOPub
   * @param session the kernel's session id, for headers
   * @param clock dates the headers
   */
  public Exchange(
      Received request,
      Codec codec,
      Consumer<Message> replies,
      Consumer<Message> iopub,
      String session,
      Clock clock) {
    this.request = request.message();
    this.parent = request.headerJson();
    this.codec = Objects.requireNonNull(codec, "codec");
    this.replies = Objects.requireNonNull(replies, "replies");
    this.iopub = Objects.requireNonNull(iopub, "iopub");
    this.session = Objects.requireNonNull(session, "session");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The request. */
  public Message request() {
    return request;
  }

  /** The request's content as {@code type}. */
  public <T> T content(Class<T> type) throws MalformedMessageException {
    return codec.content(request, type);
  }

  /** Sends the reply: {@code x_request} is answered by {@code x_reply}. */
  public void reply(Object content) {
    String type = request.type().replaceFirst("_request$", "") + "_reply";
    replies.accept(
        new Message(
            request.identities(),
            Header.create(type, session, clock.instant()),
            parent,
            Map.of(),
            content));
  }

  /** Publishes {@code content} on IOPub as a {@code type} message caused by the request. */
  public void publish(String type, Object content) {
    iopub.accept(
        new Message(
            List.of(("kernel." + session + "." + type).getBytes(StandardCharsets.UTF_8)),
            Header.create(type, session, clock.instant()),
            parent,
            Map.of(),
            content));
  }
}
