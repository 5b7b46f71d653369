package org.iechorfile.kernel.handlers;

import java.util.Map;
import org.iechorfile.kernel.protocol.Outputs;
import org.iechorfile.kernel.protocol.Replies;
import org.iechorfile.kernel.protocol.Requests;

/**
 * The comm messages: the kernel has no comm targets, so {@code comm_info} lists none and a {@code
 * comm_open} is answered with a {@code comm_close}, as the protocol asks for unknown targets.
 */
public final class CommHandlers {

  private CommHandlers() {}

  /** The {@code comm_info_request} handler. */
  public static Handler info() {
    return exchange -> {
      exchange.content(Requests.CommInfo.class);
      exchange.reply(new Replies.CommInfo("ok", Map.of()));
    };
  }

  /** The {@code comm_open} handler. */
  public static Handler open() {
    return exchange -> {
      Requests.CommOpen open = exchange.content(Requests.CommOpen.class);
      exchange.publish("comm_close", new Outputs.CommClose(open.commId(), Map.of()));
    };
  }

  /** The {@code comm_msg} and {@code comm_close} handler: nothing to do for unknown comms. */
  public static Handler ignore() {
    return exchange -> {};
  }
}
