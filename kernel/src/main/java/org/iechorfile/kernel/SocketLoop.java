package org.iechorfile.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A thread that owns one ROUTER socket: it receives multipart messages and hands each to a handler
 * together with a sender for replies on the same socket (the handler runs on this thread, so only
 * this thread touches the socket).
 */
final class SocketLoop extends SocketThread {

  private static final System.Logger LOG = System.getLogger(SocketLoop.class.getName());
  private static final int POLL_MILLIS = 100;

  private final BiConsumer<List<byte[]>, Consumer<List<byte[]>>> handler;

  SocketLoop(
      ZContext context,
      SocketType type,
      String address,
      BiConsumer<List<byte[]>, Consumer<List<byte[]>>> handler) {
    super(context, type, address, 1000);
    this.handler = handler;
  }

  @Override
  void configure(ZMQ.Socket socket) {
    socket.setReceiveTimeOut(POLL_MILLIS);
  }

  @Override
  void serve(ZMQ.Socket socket) {
    try {
      while (running() && !Thread.currentThread().isInterrupted()) {
        List<byte[]> frames = receive(socket);
        if (!frames.isEmpty()) {
          handler.accept(frames, reply -> send(socket, reply));
        }
      }
    } catch (RuntimeException e) {
      // The outermost loop of this channel: log and end the channel rather than die silently.
      LOG.log(System.Logger.Level.ERROR, "the " + address() + " loop stopped", e);
    }
  }

  private static List<byte[]> receive(ZMQ.Socket socket) {
    List<byte[]> frames = new ArrayList<>();
    byte[] first = socket.recv(0);
    if (first == null) {
      return frames;
    }
    frames.add(first);
    while (socket.hasReceiveMore()) {
      byte[] more = socket.recv(0);
      if (more == null) {
        break;
      }
      frames.add(more);
    }
    return frames;
  }

  static void send(ZMQ.Socket socket, List<byte[]> frames) {
    for (int i = 0; i < frames.size(); i++) {
      socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
    }
  }
}
