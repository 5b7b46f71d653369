package org.iechorfile.kernel.handlers;

import java.util.Map;
import org.iechorfile.kernel.protocol.Outputs;

/** Where one cell's outputs go: IOPub messages under the execute request, none when silent. */
final class CellOutput {

  private final Exchange exchange;
  private final boolean silent;
  private final int executionCount;

  CellOutput(Exchange exchange, boolean silent, int executionCount) {
    this.exchange = exchange;
    this.silent = silent;
    this.executionCount = executionCount;
  }

  void stream(String name, String text) {
    if (!silent && !text.isEmpty()) {
      exchange.publish("stream", new Outputs.Stream(name, text));
    }
  }

  void display(Map<String, Object> data) {
    if (!silent) {
      exchange.publish("display_data", new Outputs.DisplayData(data, Map.of(), Map.of()));
    }
  }

  void display(Map<String, Object> data, String displayId, boolean update) {
    if (!silent) {
      exchange.publish(
          update ? "update_display_data" : "display_data",
          new Outputs.DisplayData(data, Map.of(), Map.of("display_id", displayId)));
    }
  }

  void result(Map<String, Object> data) {
    if (!silent) {
      exchange.publish("execute_result", new Outputs.ExecuteResult(executionCount, data, Map.of()));
    }
  }
}
