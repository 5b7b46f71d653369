package org.iechorfile.kernel;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.iechorfile.engine.command.CommandTarget;
import org.iechorfile.kernel.handlers.AnalysisHandlers;
import org.iechorfile.kernel.handlers.CommHandlers;
import org.iechorfile.kernel.handlers.ControlHandlers;
import org.iechorfile.kernel.handlers.Dispatcher;
import org.iechorfile.kernel.handlers.Exchange;
import org.iechorfile.kernel.handlers.ExecuteHandler;
import org.iechorfile.kernel.handlers.Handler;
import org.iechorfile.kernel.handlers.History;
import org.iechorfile.kernel.handlers.KernelInfoHandler;
import org.iechorfile.kernel.handlers.Lifecycle;
import org.iechorfile.kernel.protocol.BadSignatureException;
import org.iechorfile.kernel.protocol.Codec;
import org.iechorfile.kernel.protocol.Header;
import org.iechorfile.kernel.protocol.Message;
import org.iechorfile.kernel.protocol.Outputs;
import org.iechorfile.kernel.protocol.Received;
import org.iechorfile.kernel.wire.ConnectionInfo;
import org.iechorfile.kernel.wire.MalformedMessageException;
import org.zeromq.SocketType;
import org.zeromq.ZContext;

/**
 * The iEchorfile Jupyter kernel: binds the five channels of a connection file, one thread per
 * socket, and answers requests with a session. Shell requests (execute, complete, inspect,
 * is_complete, history, comm_info, kernel_info) run on the shell thread, which alone uses the
 * session; control requests (kernel_info, interrupt, shutdown) run on the control thread, so an
 * interrupt reaches a running cell. Messages with a bad signature or malformed frames are logged
 * and dropped.
 */
public final class Kernel implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(Kernel.class.getName());

  private final ZContext context = new ZContext();
  private final Codec codec;
  private final Clock clock;
  private final String sessionId = UUID.randomUUID().toString();
  private final Publisher publisher;
  private final Heartbeat heartbeat;
  private final List<SocketLoop> loops = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final CountDownLatch shutdown = new CountDownLatch(1);
  private final ExecuteHandler execute;
  private final SessionOpening session;
  private volatile boolean restart;
  private boolean closed;

  private Kernel(ConnectionInfo info, Callable<CommandTarget> opener, String version, Clock clock) {
    this.codec = new Codec(info.signer());
    this.clock = clock;
    this.session = new SessionOpening(opener);
    History history = new History();
    this.execute = new ExecuteHandler(session, history, clock);
    KernelInfoHandler kernelInfo = new KernelInfoHandler(version);
    AnalysisHandlers analysisHandlers = AnalysisHandlers.withImage(session);
    Lifecycle lifecycle = lifecycle();
    Dispatcher shell =
        new Dispatcher(
            Map.of(
                "kernel_info_request", kernelInfo,
                "execute_request", execute,
                "is_complete_request", analysisHandlers.isComplete(),
                "complete_request", analysisHandlers.complete(),
                "inspect_request", analysisHandlers.inspect(),
                "history_request", history.handler(),
                "comm_info_request", CommHandlers.info(),
                "comm_open", CommHandlers.open(),
                "comm_msg", CommHandlers.ignore(),
                "comm_close", CommHandlers.ignore()));
    Map<String, Handler> controlHandlers =
        Map.of(
            "kernel_info_request", kernelInfo,
            "interrupt_request", ControlHandlers.interrupt(lifecycle),
            "shutdown_request", ControlHandlers.shutdown(lifecycle));
    Dispatcher control = new Dispatcher(controlHandlers);
    this.publisher = new Publisher(context, info.address(info.iopubPort()));
    this.heartbeat = new Heartbeat(context, info.address(info.hbPort()));
    loops.add(
        new SocketLoop(
            context,
            SocketType.ROUTER,
            info.address(info.shellPort()),
            (frames, reply) -> receive(frames, reply, shell)));
    loops.add(
        new SocketLoop(
            context,
            SocketType.ROUTER,
            info.address(info.controlPort()),
            (frames, reply) -> receive(frames, reply, control)));
    loops.add(
        new SocketLoop(
            context,
            SocketType.ROUTER,
            info.address(info.stdinPort()),
            (frames, reply) -> LOG.log(System.Logger.Level.DEBUG, "ignored a stdin message")));
  }

  /**
   * Binds the channels and starts answering; returns once every socket is bound and {@code
   * starting} has been published.
   *
   * @param info the connection file's content
   * @param opener opens the session cells apply to (the kernel closes it), with the analysis that
   *     completes over it and the directory relative paths start from; called on a thread of its
   *     own, so the kernel is ready before the session is
   * @param version the product version for kernel_info
   * @param clock dates the messages
   * @throws IllegalStateException when a port cannot be bound
   */
  public static Kernel start(
      ConnectionInfo info, Callable<CommandTarget> opener, String version, Clock clock)
      throws InterruptedException {
    Kernel kernel = new Kernel(info, opener, version, clock);
    try {
      kernel.startThreads();
    } catch (RuntimeException | InterruptedException e) {
      kernel.close();
      throw e;
    }
    return kernel;
  }

  private void startThreads() throws InterruptedException {
    start("iopub", publisher);
    publisher.awaitBound();
    start("heartbeat", heartbeat);
    heartbeat.awaitBound();
    String[] names = {"shell", "control", "stdin"};
    for (int i = 0; i < loops.size(); i++) {
      start(names[i], loops.get(i));
      loops.get(i).awaitBound();
    }
    publisher.publish(
        codec.encode(
            new Message(
                List.of(("kernel." + sessionId + ".status").getBytes(StandardCharsets.UTF_8)),
                Header.create("status", sessionId, clock.instant()),
                "{}",
                Map.of(),
                new Outputs.Status("starting"))));
  }

  private void start(String name, Runnable loop) {
    Thread thread = new Thread(loop, "kernel-" + name);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  /**
   * Stops the running cell, as an {@code interrupt_request} does; the kernel goes on. Callable from
   * any thread, for instance a SIGINT handler (Ctrl-C in the terminal that started Jupyter).
   */
  public void interrupt() {
    execute.interrupt();
  }

  /** Waits until a shutdown request was answered; returns whether a restart was asked for. */
  public boolean awaitShutdown() throws InterruptedException {
    shutdown.await();
    return restart;
  }

  private Lifecycle lifecycle() {
    return new Lifecycle() {
      @Override
      public void interrupt() {
        execute.interrupt();
      }

      @Override
      public void shutdown(boolean restartAsked) {
        restart = restartAsked;
        execute.interrupt();
        shutdown.countDown();
      }
    };
  }

  private void receive(List<byte[]> frames, Consumer<List<byte[]>> reply, Dispatcher dispatcher) {
    Received request;
    try {
      request = codec.decode(frames);
    } catch (BadSignatureException e) {
      LOG.log(System.Logger.Level.WARNING, "dropped a message: {0}", e.getMessage());
      return;
    } catch (MalformedMessageException e) {
      LOG.log(System.Logger.Level.WARNING, "dropped a malformed message: {0}", e.getMessage());
      return;
    }
    Exchange exchange =
        new Exchange(
            request,
            codec,
            message -> reply.accept(codec.encode(message)),
            message -> publisher.publish(codec.encode(message)),
            sessionId,
            clock);
    try {
      dispatcher.dispatch(exchange);
    } catch (RuntimeException e) {
      // The kernel's outermost handler: a broken request must not end the channel.
      LOG.log(System.Logger.Level.ERROR, "failed to answer " + request.message().type(), e);
    }
  }

  /**
   * Stops the running cell and the channels (sending what IOPub has queued), and closes the
   * session; callable from any thread (a shutdown hook), once or more.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    execute.interrupt();
    loops.forEach(SocketLoop::stop);
    heartbeat.stop();
    publisher.stop();
    Instant deadline = clock.instant().plusSeconds(3);
    for (Thread thread : threads) {
      try {
        thread.join(Math.max(1, deadline.toEpochMilli() - clock.millis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    context.close();
    session.close();
  }
}
