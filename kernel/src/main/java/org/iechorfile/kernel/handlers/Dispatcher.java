package org.iechorfile.kernel.handlers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iechorfile.kernel.protocol.Outputs;
import org.iechorfile.kernel.protocol.Replies;
import org.iechorfile.kernel.wire.MalformedMessageException;

/**
 * Routes requests to their handlers and brackets each one with {@code busy} and {@code idle} on
 * IOPub. Requests of unknown types get the brackets and no reply, and are logged. A malformed
 * request or a failure of the engine gets an error reply.
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
    } catch (RuntimeException e) {
      // The kernel's outermost handler: the engine is broken or misused (the third error
      // channel). The client still gets a reply, so it does not wait forever.
      LOG.log(System.Logger.Level.ERROR, "failed to answer " + exchange.request().type(), e);
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      exchange.reply(
          Replies.Error.of(
              "EngineError",
              message,
              List.of(
                  "The session engine failed: " + message,
                  "Restart the kernel to start a new session; the store keeps pulled images"
                      + " and the build cache.")));
    } finally {
      exchange.publish("status", new Outputs.Status("idle"));
    }
  }
}
