package org.iechorfile.kernel.protocol;

import java.util.Objects;

/**
 * A decoded request and its header exactly as it arrived, which replies and outputs carry as their
 * parent header (with any keys this kernel does not know, such as {@code subshell_id}).
 *
 * @param message the decoded message
 * @param headerJson the header frame's text
 */
public record Received(Message message, String headerJson) {
  public Received {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(headerJson, "headerJson");
  }
}
