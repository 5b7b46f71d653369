package org.iechorfile.kernel;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The thread that owns the IOPub PUB socket: other threads queue messages, it sends them in order.
 * On stop it sends what is queued, then closes.
 */
final class Publisher implements Runnable {

  private final ZContext context;
  private final String address;
  private final BlockingQueue<List<byte[]>> queue = new LinkedBlockingQueue<>();
  private final CountDownLatch bound = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile RuntimeException bindFailure;

  Publisher(ZContext context, String address) {
    this.context = context;
    this.address = address;
  }

  /** Queues a message; callable from any thread. */
  void publish(List<byte[]> frames) {
    queue.add(frames);
  }

  void awaitBound() throws InterruptedException {
    bound.await();
    if (bindFailure != null) {
      throw bindFailure;
    }
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    ZMQ.Socket socket;
    try {
      socket = context.createSocket(SocketType.PUB);
      socket.setLinger(1000);
      socket.bind(address);
    } catch (RuntimeException e) {
      bindFailure = new IllegalStateException("cannot bind " + address + ": " + e.getMessage(), e);
      bound.countDown();
      return;
    }
    bound.countDown();
    try {
      while (running || !queue.isEmpty()) {
        List<byte[]> frames = queue.poll(100, TimeUnit.MILLISECONDS);
        if (frames != null) {
          SocketLoop.send(socket, frames);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      socket.close();
    }
  }
}
