package org.iechorfile.kernel.handlers;

import org.iechorfile.kernel.protocol.Replies;
import org.iechorfile.kernel.protocol.Requests;

/** {@code interrupt_request} and {@code shutdown_request}, which arrive on the control channel. */
public final class ControlHandlers {

  private ControlHandlers() {}

  /** The {@code interrupt_request} handler: stops the running step, then replies. */
  public static Handler interrupt(Lifecycle lifecycle) {
    return exchange -> {
      lifecycle.interrupt();
      exchange.reply(new Replies.Interrupt("ok"));
    };
  }

  /** The {@code shutdown_request} handler: replies, then asks the kernel to exit. */
  public static Handler shutdown(Lifecycle lifecycle) {
    return exchange -> {
      Requests.Shutdown request = exchange.content(Requests.Shutdown.class);
      exchange.reply(new Replies.Shutdown("ok", request.restart()));
      lifecycle.shutdown(request.restart());
    };
  }
}
