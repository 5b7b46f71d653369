package org.iechorfile.kernel.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The contents of the requests the kernel answers; missing fields take the protocol defaults. */
public final class Requests {

  private Requests() {}

  /** {@code execute_request}. */
  public record Execute(
      String code, boolean silent, boolean storeHistory, boolean allowStdin, boolean stopOnError) {
    @JsonCreator
    static Execute fromJson(
        @JsonProperty("code") String code,
        @JsonProperty("silent") Boolean silent,
        @JsonProperty("store_history") Boolean storeHistory,
        @JsonProperty("allow_stdin") Boolean allowStdin,
        @JsonProperty("stop_on_error") Boolean stopOnError) {
      boolean quiet = or(silent, false);
      return new Execute(
          text(code),
          quiet,
          !quiet && or(storeHistory, true),
          or(allowStdin, true),
          or(stopOnError, true));
    }
  }

  /** {@code complete_request}; the cursor counts code points. */
  public record Complete(String code, int cursorPos) {
    @JsonCreator
    static Complete fromJson(
        @JsonProperty("code") String code, @JsonProperty("cursor_pos") Integer cursorPos) {
      String text = text(code);
      return new Complete(text, cursor(text, cursorPos));
    }
  }

  /** {@code inspect_request}; the cursor counts code points. */
  public record Inspect(String code, int cursorPos, int detailLevel) {
    @JsonCreator
    static Inspect fromJson(
        @JsonProperty("code") String code,
        @JsonProperty("cursor_pos") Integer cursorPos,
        @JsonProperty("detail_level") Integer detailLevel) {
      String text = text(code);
      return new Inspect(text, cursor(text, cursorPos), detailLevel == null ? 0 : detailLevel);
    }
  }

  /** {@code is_complete_request}. */
  public record IsComplete(String code) {
    @JsonCreator
    static IsComplete fromJson(@JsonProperty("code") String code) {
      return new IsComplete(text(code));
    }
  }

  /** {@code history_request}. */
  public record History(
      boolean output,
      String histAccessType,
      int session,
      int start,
      int stop,
      int n,
      String pattern,
      boolean unique) {
    @JsonCreator
    static History fromJson(
        @JsonProperty("output") Boolean output,
        @JsonProperty("hist_access_type") String type,
        @JsonProperty("session") Integer session,
        @JsonProperty("start") Integer start,
        @JsonProperty("stop") Integer stop,
        @JsonProperty("n") Integer n,
        @JsonProperty("pattern") String pattern,
        @JsonProperty("unique") Boolean unique) {
      return new History(
          or(output, false),
          type == null ? "tail" : type,
          session == null ? 0 : session,
          start == null ? 0 : start,
          stop == null ? Integer.MAX_VALUE : stop,
          n == null ? Integer.MAX_VALUE : n,
          text(pattern).isEmpty() ? "*" : pattern,
          or(unique, false));
    }
  }

  /** {@code shutdown_request}. */
  public record Shutdown(boolean restart) {
    @JsonCreator
    static Shutdown fromJson(@JsonProperty("restart") Boolean restart) {
      return new Shutdown(or(restart, false));
    }
  }

  /** {@code comm_info_request}; an empty target name asks for every comm. */
  public record CommInfo(String targetName) {
    @JsonCreator
    static CommInfo fromJson(@JsonProperty("target_name") String targetName) {
      return new CommInfo(text(targetName));
    }
  }

  /** {@code comm_open}: a frontend asks for a comm the kernel may not know. */
  public record CommOpen(String commId, String targetName) {
    @JsonCreator
    static CommOpen fromJson(
        @JsonProperty("comm_id") String commId, @JsonProperty("target_name") String targetName) {
      return new CommOpen(text(commId), text(targetName));
    }
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static boolean or(Boolean value, boolean fallback) {
    return value == null ? fallback : value;
  }

  private static int cursor(String code, Integer cursorPos) {
    int length = code.codePointCount(0, code.length());
    return cursorPos == null ? length : Math.max(0, Math.min(cursorPos, length));
  }
}
