package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.iechorfile.engine.OutputChunk;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.sandbox.LinuxSandbox;

/** Sessions on the real sandbox over the busybox layer, for the session ITs that run commands. */
final class SandboxSessions {

  private SandboxSessions() {}

  /** A builder for a session in {@code home} with the Linux sandbox and {@code FROM busybox}. */
  static Session.Builder builder(Path home) throws IOException, InterruptedException {
    return Session.builder()
        .home(home)
        .sandbox(new LinuxSandbox(Clock.systemUTC()))
        .images(BusyboxLayer.images(home));
  }

  /** Applies {@code instruction}, asserts that it completed, and returns what it printed. */
  static String completed(Session session, String instruction) {
    List<SessionEvent> events = session.apply(instruction);
    assertTrue(events.get(events.size() - 1) instanceof StepCompleted, events.toString());
    return output(events);
  }

  /** The text of the output chunks among {@code events}, in order. */
  static String output(List<SessionEvent> events) {
    return events.stream()
        .filter(OutputChunk.class::isInstance)
        .map(e -> ((OutputChunk) e).text())
        .collect(Collectors.joining());
  }
}
