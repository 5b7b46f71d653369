package org.iechorfile.kernel;

import java.util.concurrent.CountDownLatch;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The body of a thread that owns one ZeroMQ socket: it creates and binds the socket, lets whoever
 * started it wait for the bind (or its failure), serves until stopped, and closes the socket. Only
 * this thread touches the socket.
 */
abstract class SocketThread implements Runnable {

  private final ZContext context;
  private final SocketType type;
  private final String address;
  private final int lingerMillis;
  private final CountDownLatch bound = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile RuntimeException bindFailure;

  SocketThread(ZContext context, SocketType type, String address, int lingerMillis) {
    this.context = context;
    this.type = type;
    this.address = address;
    this.lingerMillis = lingerMillis;
  }

  /** Waits until the socket is bound; rethrows a bind failure. */
  final void awaitBound() throws InterruptedException {
    bound.await();
    if (bindFailure != null) {
      throw bindFailure;
    }
  }

  /** Asks the thread to end; it does within its poll interval. */
  final void stop() {
    running = false;
  }

  /** Whether {@link #stop} has not been called. */
  final boolean running() {
    return running;
  }

  /** The address the socket is bound to, for messages. */
  final String address() {
    return address;
  }

  @Override
  public final void run() {
    ZMQ.Socket socket;
    try {
      socket = context.createSocket(type);
      socket.setLinger(lingerMillis);
      configure(socket);
      socket.bind(address);
    } catch (RuntimeException e) {
      bindFailure = new IllegalStateException("cannot bind " + address + ": " + e.getMessage(), e);
      bound.countDown();
      return;
    }
    bound.countDown();
    try {
      serve(socket);
    } finally {
      socket.close();
    }
  }

  /** Sets socket options before the bind (a receive timeout, for one). */
  void configure(ZMQ.Socket socket) {}

  /** Serves on the bound socket until {@link #running()} turns false. */
  abstract void serve(ZMQ.Socket socket);
}
