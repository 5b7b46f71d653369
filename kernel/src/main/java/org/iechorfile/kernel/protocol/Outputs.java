package org.iechorfile.kernel.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The contents of IOPub messages. */
public final class Outputs {

  private Outputs() {}

  /** {@code status}: busy, idle or starting. */
  public record Status(String executionState) {}

  /** {@code execute_input}: the code being run, verbatim. */
  public record ExecuteInput(String code, int executionCount) {}

  /** {@code stream}: text on stdout or stderr. */
  public record Stream(String name, String text) {}

  /** {@code display_data} and {@code update_display_data}. */
  public record DisplayData(
      Map<String, Object> data,
      Map<String, Object> metadata,
      @JsonProperty("transient") Map<String, Object> transient_) {
    public DisplayData {
      data = Map.copyOf(data);
      metadata = Map.copyOf(metadata);
      transient_ = Map.copyOf(transient_);
    }
  }

  /** {@code execute_result}: the value of a cell. */
  public record ExecuteResult(
      int executionCount, Map<String, Object> data, Map<String, Object> metadata) {
    public ExecuteResult {
      data = Map.copyOf(data);
      metadata = Map.copyOf(metadata);
    }
  }

  /** {@code comm_close}. */
  public record CommClose(String commId, Map<String, Object> data) {
    public CommClose {
      data = Map.copyOf(data);
    }
  }
}
