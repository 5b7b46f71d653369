package org.iechorfile.kernel.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The contents of the kernel's replies; each carries {@code status}. */
public final class Replies {

  private Replies() {}

  /** A reply that says the request failed. */
  public record Error(String status, String ename, String evalue, List<String> traceback) {
    public Error {
      traceback = List.copyOf(traceback);
    }

    /** An error reply. */
    public static Error of(String ename, String evalue, List<String> traceback) {
      return new Error("error", ename, evalue, traceback);
    }
  }

  /** {@code execute_reply} with status ok or abort. */
  public record Execute(
      String status,
      int executionCount,
      List<Map<String, Object>> payload,
      Map<String, Object> userExpressions) {
    public Execute {
      payload = List.copyOf(payload);
      userExpressions = Map.copyOf(userExpressions);
    }

    /** A successful execution, with pager or other payloads. */
    public static Execute ok(int executionCount, List<Map<String, Object>> payload) {
      return new Execute("ok", executionCount, payload, Map.of());
    }
  }

  /** {@code execute_reply} with status error or abort. */
  public record ExecuteError(
      String status,
      int executionCount,
      String ename,
      String evalue,
      List<String> traceback,
      Map<String, Object> userExpressions) {
    public ExecuteError {
      traceback = List.copyOf(traceback);
      userExpressions = Map.copyOf(userExpressions);
    }

    /** A failed execution. */
    public static ExecuteError of(
        int executionCount, String ename, String evalue, List<String> traceback) {
      return new ExecuteError("error", executionCount, ename, evalue, traceback, Map.of());
    }

    /** An execution skipped because an earlier cell failed (status abort). */
    public static ExecuteError aborted(int executionCount) {
      return new ExecuteError(
          "abort",
          executionCount,
          "Aborted",
          "not run: an earlier cell failed",
          List.of("Not run: an earlier cell failed and the request asked to stop on errors."),
          Map.of());
    }
  }

  /** {@code complete_reply}; offsets count code points. */
  public record Complete(
      String status,
      List<String> matches,
      int cursorStart,
      int cursorEnd,
      Map<String, Object> metadata) {
    public Complete {
      matches = List.copyOf(matches);
      metadata = Map.copyOf(metadata);
    }
  }

  /** {@code inspect_reply}. */
  public record Inspect(
      String status, boolean found, Map<String, Object> data, Map<String, Object> metadata) {
    public Inspect {
      data = Map.copyOf(data);
      metadata = Map.copyOf(metadata);
    }
  }

  /** {@code is_complete_reply}; {@code indent} is sent only for incomplete code. */
  public record IsComplete(
      String status, @JsonInclude(JsonInclude.Include.NON_EMPTY) String indent) {}

  /** {@code history_reply}: entries of [session, line, input] or [session, line, [in, out]]. */
  public record History(String status, List<List<Object>> history) {
    public History {
      history = List.copyOf(history);
    }
  }

  /** {@code comm_info_reply}. */
  public record CommInfo(String status, Map<String, Object> comms) {
    public CommInfo {
      comms = Map.copyOf(comms);
    }
  }

  /** {@code shutdown_reply}. */
  public record Shutdown(String status, boolean restart) {}

  /** {@code interrupt_reply}. */
  public record Interrupt(String status) {}

  /** {@code kernel_info_reply}. */
  public record KernelInfo(
      String status,
      String protocolVersion,
      String implementation,
      String implementationVersion,
      LanguageInfo languageInfo,
      String banner,
      List<HelpLink> helpLinks,
      boolean debugger) {
    public KernelInfo {
      helpLinks = List.copyOf(helpLinks);
    }
  }

  /** The language a kernel speaks, for highlighting and file export. */
  public record LanguageInfo(
      String name,
      String version,
      String mimetype,
      String fileExtension,
      String pygmentsLexer,
      String codemirrorMode,
      String nbconvertExporter) {}

  /** A link in the frontend's help menu. */
  public record HelpLink(String text, String url) {}
}
