package org.iechorfile.kernel.handlers;

import org.iechorfile.kernel.wire.MalformedMessageException;

/** Answers one type of request. */
@FunctionalInterface
public interface Handler {

  /**
   * Answers the request: sends its reply and publishes its outputs.
   *
   * @throws MalformedMessageException when the request's content is malformed
   */
  void handle(Exchange exchange) throws MalformedMessageException;
}
