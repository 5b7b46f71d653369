package org.iechorfile.kernel.handlers;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.spi.Sandbox;
import org.iechorfile.engine.spi.SandboxOutput;
import org.iechorfile.engine.spi.SandboxRequest;
import org.iechorfile.engine.spi.SandboxResult;

/**
 * A sandbox that understands three shell commands: {@code echo TEXT} (to stdout, or to stderr with
 * a trailing {@code >&2}), {@code exit N}, and {@code sleep N} (waits until cancelled or N
 * seconds). Anything else prints "ran COMMAND".
 */
public final class ScriptedSandbox implements Sandbox {

  /** Counted down when a sleep starts, for tests that interrupt it. */
  public final CountDownLatch sleeping = new CountDownLatch(1);

  private final AtomicInteger requests = new AtomicInteger();

  /** How many commands it was asked to run. */
  public int requests() {
    return requests.get();
  }

  @Override
  public List<String> missingPrerequisites() {
    return List.of();
  }

  @Override
  public SandboxResult run(SandboxRequest request, SandboxOutput output, Cancellation cancel) {
    requests.incrementAndGet();
    String command = request.argv().get(request.argv().size() - 1);
    if (command.startsWith("echo ")) {
      String text = command.substring(5);
      if (text.endsWith(">&2")) {
        output.stderr(text.substring(0, text.length() - 3).strip() + "\n");
      } else {
        output.stdout(text + "\n");
      }
      return new SandboxResult(0, Duration.ofMillis(1), false);
    }
    if (command.startsWith("exit ")) {
      return new SandboxResult(
          Integer.parseInt(command.substring(5).strip()), Duration.ZERO, false);
    }
    if (command.startsWith("sleep ")) {
      return sleep(Integer.parseInt(command.substring(6).strip()), cancel);
    }
    output.stdout("ran " + command + "\n");
    return new SandboxResult(0, Duration.ofMillis(1), false);
  }

  private SandboxResult sleep(int seconds, Cancellation cancel) {
    CountDownLatch stopped = new CountDownLatch(1);
    cancel.onCancel(stopped::countDown);
    sleeping.countDown();
    try {
      boolean cancelled = stopped.await(seconds, TimeUnit.SECONDS);
      return new SandboxResult(cancelled ? 137 : 0, Duration.ofSeconds(1), cancelled);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SandboxResult(137, Duration.ZERO, true);
    }
  }
}
