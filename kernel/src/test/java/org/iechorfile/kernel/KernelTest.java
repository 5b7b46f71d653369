package org.iechorfile.kernel;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.command.CommandTarget;
import org.iechorfile.engine.session.Session;
import org.iechorfile.kernel.handlers.NoBaseImages;
import org.iechorfile.kernel.handlers.ScriptedSandbox;
import org.iechorfile.kernel.protocol.Codec;
import org.iechorfile.kernel.protocol.Header;
import org.iechorfile.kernel.protocol.Message;
import org.iechorfile.kernel.wire.ConnectionInfo;
import org.iechorfile.kernel.wire.Frames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The kernel over real JeroMQ sockets on loopback, driven by a client made of plain sockets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KernelTest {

  @TempDir Path home;
  private final ZContext client = new ZContext();
  private ConnectionInfo info;
  private Codec codec;
  private Kernel kernel;
  private ZMQ.Socket shell;
  private ZMQ.Socket control;
  private ZMQ.Socket iopub;

  @BeforeEach
  void start() throws Exception {
    info =
        new ConnectionInfo(
            "tcp", "127.0.0.1", port(), port(), port(), port(), port(), "hmac-sha256", "test-key");
    codec = new Codec(info.signer());
    Session session =
        Session.builder()
            .home(home)
            .sandbox(new ScriptedSandbox())
            .images(new NoBaseImages())
            .build();
    kernel =
        Kernel.start(
            info,
            () -> new CommandTarget(session, Analysis.standalone(), home),
            "test",
            Clock.systemUTC());
    shell = connect(SocketType.DEALER, info.shellPort());
    control = connect(SocketType.DEALER, info.controlPort());
    iopub = connect(SocketType.SUB, info.iopubPort());
    iopub.subscribe(new byte[0]);
    Thread.sleep(300); // let the subscription reach the publisher (ZeroMQ's slow joiner)
  }

  @AfterEach
  void stop() {
    kernel.close();
    client.close();
  }

  /**
   * A free port no other test of this class has been given: ports of sockets closed at once are
   * handed out again, so a kernel could otherwise get one port twice.
   */
  private static synchronized int port() throws IOException {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0)) {
        if (GIVEN.add(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      }
    }
  }

  private static final java.util.Set<Integer> GIVEN = new java.util.HashSet<>();

  private ZMQ.Socket connect(SocketType type, int port) {
    ZMQ.Socket socket = client.createSocket(type);
    socket.setReceiveTimeOut(10_000);
    socket.setLinger(0);
    socket.connect(info.address(port));
    return socket;
  }

  private String send(ZMQ.Socket socket, String type, Map<String, Object> content) {
    Header header = Header.create(type, "client-session", java.time.Instant.now());
    List<byte[]> frames = codec.encode(new Message(List.of(), header, "{}", Map.of(), content));
    sendFrames(socket, frames);
    return header.msgId();
  }

  private static void sendFrames(ZMQ.Socket socket, List<byte[]> frames) {
    for (int i = 0; i < frames.size(); i++) {
      socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
    }
  }

  private static List<byte[]> receive(ZMQ.Socket socket) {
    List<byte[]> frames = new ArrayList<>();
    byte[] first = socket.recv(0);
    assertTrue(first != null, "no message within the timeout");
    frames.add(first);
    while (socket.hasReceiveMore()) {
      frames.add(socket.recv(0));
    }
    return frames;
  }

  private Message reply(ZMQ.Socket socket) throws Exception {
    List<byte[]> frames = receive(socket);
    assertTrue(Frames.split(frames).verifiedBy(info.signer()), "reply signature");
    return codec.decode(frames).message();
  }

  /** The IOPub messages caused by request {@code msgId}, up to its idle status. */
  private List<Message> outputs(String msgId) throws Exception {
    List<Message> messages = new ArrayList<>();
    while (true) {
      Message message = codec.decode(receive(iopub)).message();
      if (!message.parentHeader().contains(msgId)) {
        continue;
      }
      messages.add(message);
      if (message.type().equals("status") && codec.toJson(message.content()).contains("idle")) {
        return messages;
      }
    }
  }

  private List<String> types(List<Message> messages) {
    List<String> types = new ArrayList<>();
    messages.forEach(m -> types.add(m.type()));
    return types;
  }

  @Test
  void kernelInfo_onShellAndControl_repliesBracketedByBusyIdle() throws Exception {
    String onShell = send(shell, "kernel_info_request", Map.of());
    Message reply = reply(shell);
    assertEquals("kernel_info_reply", reply.type());
    assertTrue(reply.parentHeader().contains(onShell));
    assertEquals(List.of("status", "status"), types(outputs(onShell)));
    String onControl = send(control, "kernel_info_request", Map.of());
    assertEquals("kernel_info_reply", reply(control).type());
    assertEquals(List.of("status", "status"), types(outputs(onControl)));
  }

  @Test
  void execute_cell_outputsAndReplyOverTheWire() throws Exception {
    String id = send(shell, "execute_request", Map.of("code", "FROM scratch\nRUN echo hi"));
    Message reply = reply(shell);
    assertTrue(codec.toJson(reply.content()).contains("\"status\":\"ok\""));
    assertEquals(
        List.of("status", "execute_input", "display_data", "stream", "display_data", "status"),
        types(outputs(id)));
  }

  @Test
  void start_portTaken_failsNamingTheAddress() throws Exception {
    ConnectionInfo taken =
        new ConnectionInfo(
            "tcp",
            "127.0.0.1",
            info.shellPort(),
            port(),
            port(),
            port(),
            port(),
            "hmac-sha256",
            "k");
    Session other =
        Session.builder()
            .home(home.resolve("other"))
            .sandbox(new ScriptedSandbox())
            .images(new NoBaseImages())
            .build();
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class,
            () ->
                Kernel.start(
                    taken,
                    () -> new CommandTarget(other, Analysis.standalone(), home),
                    "test",
                    Clock.systemUTC()));
    assertTrue(e.getMessage().contains(info.address(info.shellPort())), e.getMessage());
  }

  @Test
  void execute_sessionCannotOpen_readyAnywayAndCellsSayWhy() throws Exception {
    ConnectionInfo second =
        new ConnectionInfo(
            "tcp", "127.0.0.1", port(), port(), port(), port(), port(), "hmac-sha256", "test-key");
    Kernel broken =
        Kernel.start(
            second,
            () -> {
              throw new IOException("IECHOR_HOME is not writable");
            },
            "test",
            Clock.systemUTC());
    try {
      ZMQ.Socket otherShell = awaitReady(second.shellPort());
      send(otherShell, "execute_request", Map.of("code", "FROM scratch"));
      String json = codec.toJson(reply(otherShell).content());
      assertTrue(json.contains("cannot open the session: IECHOR_HOME is not writable"), json);
    } finally {
      broken.close();
    }
  }

  /**
   * Asks for kernel_info until a reply comes, as jupyter_client's wait_for_ready does: a request
   * sent on a connection still being made can be lost, so after a second of silence the request
   * goes out again, on a fresh connection. Returns the socket that was answered.
   */
  private ZMQ.Socket awaitReady(int port) throws Exception {
    for (int attempt = 0; attempt < 10; attempt++) {
      ZMQ.Socket socket = connect(SocketType.DEALER, port);
      socket.setReceiveTimeOut(1000);
      send(socket, "kernel_info_request", Map.of());
      byte[] first = socket.recv(0);
      if (first == null) {
        socket.close();
        continue;
      }
      List<byte[]> frames = new ArrayList<>();
      frames.add(first);
      while (socket.hasReceiveMore()) {
        frames.add(socket.recv(0));
      }
      assertEquals("kernel_info_reply", codec.decode(frames).message().type());
      socket.setReceiveTimeOut(10_000);
      return socket;
    }
    throw new AssertionError("no kernel_info reply after 10 requests on fresh connections");
  }

  @Test
  void heartbeat_bytes_echoed() {
    // Like jupyter_client's heartbeat channel: a ping that gets no answer within a second is sent
    // again on a fresh socket (a REQ socket cannot send twice without an answer).
    for (int attempt = 0; attempt < 10; attempt++) {
      ZMQ.Socket hb = connect(SocketType.REQ, info.hbPort());
      hb.setReceiveTimeOut(1000);
      hb.send(("ping-" + attempt).getBytes(UTF_8), 0);
      byte[] echo = hb.recv(0);
      hb.close();
      if (echo != null) {
        assertArrayEquals(("ping-" + attempt).getBytes(UTF_8), echo);
        return;
      }
    }
    throw new AssertionError("the heartbeat never answered");
  }

  @Test
  void garbage_badSignaturesAndJunk_droppedAndKernelStillAnswers() throws Exception {
    Random random = new Random(42);
    for (int i = 0; i < 300; i++) {
      List<byte[]> frames = new ArrayList<>();
      int count = random.nextInt(8);
      for (int f = 0; f <= count; f++) {
        byte[] bytes = new byte[random.nextInt(40)];
        random.nextBytes(bytes);
        frames.add(f == 1 && i % 3 == 0 ? Frames.DELIMITER : bytes);
      }
      sendFrames(shell, frames);
    }
    Header header = Header.create("kernel_info_request", "c", java.time.Instant.now());
    List<byte[]> forged = codec.encode(new Message(List.of(), header, "{}", Map.of(), Map.of()));
    forged.set(1, "0".repeat(64).getBytes(UTF_8));
    sendFrames(shell, forged);
    send(shell, "no_such_request", Map.of());
    String id = send(shell, "kernel_info_request", Map.of());
    Message reply = reply(shell);
    assertEquals("kernel_info_reply", reply.type());
    assertTrue(reply.parentHeader().contains(id), "the forged request got no reply");
  }

  @Test
  void shutdown_onControl_repliesThenReleasesTheWaiter() throws Exception {
    send(control, "shutdown_request", Map.of("restart", true));
    Message reply = reply(control);
    assertEquals("shutdown_reply", reply.type());
    assertTrue(codec.toJson(reply.content()).contains("\"restart\":true"));
    assertTrue(kernel.awaitShutdown());
  }

  @Test
  void interrupt_onControl_stopsTheRunningStep() throws Exception {
    send(shell, "execute_request", Map.of("code", "FROM scratch"));
    reply(shell);
    String id = send(shell, "execute_request", Map.of("code", "RUN sleep 30"));
    Thread.sleep(500);
    long start = System.nanoTime();
    send(control, "interrupt_request", Map.of());
    assertEquals("interrupt_reply", reply(control).type());
    Message reply = reply(shell);
    assertTrue(reply.parentHeader().contains(id));
    String json = codec.toJson(reply.content());
    assertTrue(json.contains("\"status\":\"error\""), json);
    assertTrue(json.contains("Interrupted"), json);
    assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 5);
    assertFalse(types(outputs(id)).contains("stream"));
  }
}
