package org.iechorfile.kernel.handlers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iechorfile.kernel.protocol.Outputs;
import org.iechorfile.kernel.protocol.Replies;
import org.iechorfile.kernel.wire.MalformedMessageException;

/**
 * Routes requests to their handlers and brackets each one with {@code busy} and {@code idle} on
 * IOPub. Requests of unknown types get the brackets and no reply, and are logged.
 */
public final class Dispatcher {

  private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());

  private final Map<String, Handler> handlers;

  /** A dispatcher over {@code handlers}, keyed by request type. */
  public Dispatcher(Map<String, Handler> handlers) {
    this.handlers = Map.copyOf(handlers);
  }

  /** Answers the exchange's request. */
  public void dispatch(Exchange exchange) {
    exchange.publish("status", new Outputs.Status("busy"));
    try {
      Optional<Handler> handler = Optional.ofNullable(handlers.get(exchange.request().type()));
      if (handler.isPresent()) {
        handler.get().handle(exchange);
      } else {
        LOG.log(
            System.Logger.Level.WARNING,
            "ignored a request of unknown type {0}",
            exchange.request().type());
      }
    } catch (MalformedMessageException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "malformed {0}: {1}",
          exchange.request().type(),
          e.getMessage());
      exchange.reply(
          Replies.Error.of(
              "MalformedRequest",
              e.getMessage(),
              List.of("The kernel could not read this request: " + e.getMessage())));
    } finally {
      exchange.publish("status", new Outputs.Status("idle"));
    }
  }
}
