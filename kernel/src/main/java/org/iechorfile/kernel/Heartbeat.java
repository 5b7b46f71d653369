package org.iechorfile.kernel;

import java.util.concurrent.CountDownLatch;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The heartbeat thread: a REP socket echoing every message at once, never behind other work. */
final class Heartbeat implements Runnable {

  private final ZContext context;
  private final String address;
  private final CountDownLatch bound = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile RuntimeException bindFailure;

  Heartbeat(ZContext context, String address) {
    this.context = context;
    this.address = address;
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
      socket = context.createSocket(SocketType.REP);
      socket.setLinger(0);
      socket.setReceiveTimeOut(100);
      socket.bind(address);
    } catch (RuntimeException e) {
      bindFailure = new IllegalStateException("cannot bind " + address + ": " + e.getMessage(), e);
      bound.countDown();
      return;
    }
    bound.countDown();
    try {
      while (running) {
        byte[] ping = socket.recv(0);
        if (ping == null) {
          continue;
        }
        boolean more = socket.hasReceiveMore();
        socket.send(ping, more ? ZMQ.SNDMORE : 0);
        while (more) {
          byte[] part = socket.recv(0);
          more = socket.hasReceiveMore();
          socket.send(part == null ? new byte[0] : part, more ? ZMQ.SNDMORE : 0);
        }
      }
    } finally {
      socket.close();
    }
  }
}
