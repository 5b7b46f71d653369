package org.iechorfile.kernel.handlers;

import java.util.Map;
import java.util.Optional;

/**
 * What a {@code %} command gave: a value to show (a table, a text), a page for the pager, or an
 * error.
 *
 * @param value the mime bundle to show; empty when the command only acted
 * @param page whether the value belongs in the pager (help) rather than in the outputs
 * @param error why the command could not be carried out
 */
record CommandResult(Optional<Map<String, Object>> value, boolean page, Optional<Traceback> error) {

  static CommandResult done() {
    return new CommandResult(Optional.empty(), false, Optional.empty());
  }

  static CommandResult shown(Map<String, Object> bundle) {
    return new CommandResult(Optional.of(Map.copyOf(bundle)), false, Optional.empty());
  }

  static CommandResult text(String text) {
    return shown(Map.of("text/plain", text));
  }

  static CommandResult paged(Map<String, Object> bundle) {
    return new CommandResult(Optional.of(Map.copyOf(bundle)), true, Optional.empty());
  }

  static CommandResult failed(String line, String message) {
    return new CommandResult(
        Optional.empty(), false, Optional.of(Traceback.command(line, message)));
  }
}
