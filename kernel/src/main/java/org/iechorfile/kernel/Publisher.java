package org.iechorfile.kernel;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The thread that owns the IOPub PUB socket: other threads queue messages, it sends them in order.
 * On stop it sends what is queued, then closes.
 */
final class Publisher extends SocketThread {

  private final BlockingQueue<List<byte[]>> queue = new LinkedBlockingQueue<>();

  Publisher(ZContext context, String address) {
    super(context, SocketType.PUB, address, 1000);
  }

  /** Queues a message; callable from any thread. */
  void publish(List<byte[]> frames) {
    queue.add(frames);
  }

  @Override
  void serve(ZMQ.Socket socket) {
    try {
      while (running() || !queue.isEmpty()) {
        List<byte[]> frames = queue.poll(100, TimeUnit.MILLISECONDS);
        if (frames != null) {
          SocketLoop.send(socket, frames);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
