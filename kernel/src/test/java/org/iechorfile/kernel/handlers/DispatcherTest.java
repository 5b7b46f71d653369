package org.iechorfile.kernel.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.iechorfile.kernel.protocol.Replies;
import org.junit.jupiter.api.Test;

class DispatcherTest {

  private final Recorder recorder = new Recorder();
  private final Dispatcher dispatcher =
      new Dispatcher(
          Map.of(
              "kernel_info_request",
              new KernelInfoHandler("1.0"),
              "comm_info_request",
              CommHandlers.info(),
              "comm_open",
              CommHandlers.open(),
              "shutdown_request",
              exchange -> exchange.content(Replies.Shutdown.class),
              "execute_request",
              exchange -> {
                throw new IllegalStateException("the session is closed");
              }));

  @Test
  void dispatch_engineFailure_errorReplySayingRestartThenIdle() {
    dispatcher.dispatch(recorder.exchange("execute_request", Map.of("code", "ENV A=1")));
    String reply = recorder.json(recorder.lastReply());
    assertTrue(reply.contains("\"ename\":\"EngineError\""), reply);
    assertTrue(reply.contains("the session is closed"), reply);
    assertTrue(reply.contains("Restart the kernel"), reply);
    assertEquals(List.of("status", "status"), recorder.iopubTypes());
  }

  @Test
  void dispatch_kernelInfo_busyReplyIdle() {
    dispatcher.dispatch(recorder.exchange("kernel_info_request", Map.of()));
    assertEquals(List.of("status", "status"), recorder.iopubTypes());
    assertTrue(recorder.json(recorder.iopub.get(0)).contains("busy"));
    assertTrue(recorder.json(recorder.iopub.get(1)).contains("idle"));
    String reply = recorder.json(recorder.lastReply());
    assertEquals("kernel_info_reply", recorder.lastReply().type());
    assertTrue(reply.contains("\"protocol_version\":\"5.3\""), reply);
    assertTrue(reply.contains("\"pygments_lexer\":\"docker\""), reply);
    assertTrue(reply.contains("\"codemirror_mode\":\"dockerfile\""), reply);
    assertTrue(reply.contains("\"file_extension\":\".dockerfile\""), reply);
    assertTrue(reply.contains("\"help_links\":[{"), reply);
  }

  @Test
  void dispatch_unknownType_bracketsAndNoReply() {
    dispatcher.dispatch(recorder.exchange("no_such_request", Map.of()));
    assertEquals(List.of("status", "status"), recorder.iopubTypes());
    assertEquals(0, recorder.replies.size());
  }

  @Test
  void dispatch_commOpen_closedBecauseNoTarget() {
    dispatcher.dispatch(
        recorder.exchange("comm_open", Map.of("comm_id", "c1", "target_name", "widgets")));
    assertEquals(List.of("status", "comm_close", "status"), recorder.iopubTypes());
    assertTrue(recorder.json(recorder.iopub.get(1)).contains("\"comm_id\":\"c1\""));
  }

  @Test
  void dispatch_commInfo_noComms() {
    dispatcher.dispatch(recorder.exchange("comm_info_request", Map.of()));
    assertEquals("{\"status\":\"ok\",\"comms\":{}}", recorder.json(recorder.lastReply()));
  }

  @Test
  void dispatch_malformedContent_errorReplyStillIdle() {
    dispatcher.dispatch(
        recorder.exchange("shutdown_request", Map.of("restart", Map.of("not", "a boolean"))));
    assertTrue(recorder.json(recorder.lastReply()).contains("\"status\":\"error\""));
    assertEquals("status", recorder.iopubTypes().get(recorder.iopubTypes().size() - 1));
  }
}
