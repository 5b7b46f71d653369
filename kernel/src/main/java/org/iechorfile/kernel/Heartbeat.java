package org.iechorfile.kernel;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The heartbeat thread: a REP socket echoing every message at once, never behind other work. */
final class Heartbeat extends SocketThread {

  Heartbeat(ZContext context, String address) {
    super(context, SocketType.REP, address, 0);
  }

  @Override
  void configure(ZMQ.Socket socket) {
    socket.setReceiveTimeOut(100);
  }

  @Override
  void serve(ZMQ.Socket socket) {
    while (running()) {
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
  }
}
