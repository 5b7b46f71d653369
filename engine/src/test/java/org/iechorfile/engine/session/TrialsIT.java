package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.iechorfile.engine.sandbox.LinuxSandbox;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.spi.SandboxOutput;
import org.iechorfile.engine.spi.SandboxResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** %sh, %sh on a failed step's files, and %run -d of a web server reachable on localhost. */
@Timeout(120)
class TrialsIT {

  @TempDir Path home;
  private Session session;
  private Trials trials;

  @BeforeEach
  void open() throws Exception {
    LinuxSandbox sandbox = new LinuxSandbox(Clock.systemUTC());
    session =
        Session.builder().home(home).sandbox(sandbox).images(BusyboxLayer.images(home)).build();
    trials = new Trials(sandbox, home);
    session.apply("FROM busybox");
  }

  @AfterEach
  void close() {
    trials.close();
    session.close();
  }

  @Test
  void sh_writesAFile_outputShownAndNothingKept() throws Exception {
    StringBuilder out = new StringBuilder();

    trials.sh(
        session,
        "echo made > /made && cat /made && id -u",
        Optional.empty(),
        sink(out),
        new Cancellation());
    StringBuilder again = new StringBuilder();
    trials.sh(session, "ls /made", Optional.empty(), sink(again), new Cancellation());

    assertEquals("made\n0\n", out.toString());
    assertTrue(again.toString().contains("No such file"), again.toString());
  }

  @Test
  void sh_onFailedStep_seesItsFiles() throws Exception {
    session.apply("RUN echo partial > /partial && false");
    StringBuilder out = new StringBuilder();

    trials.sh(session, "cat /partial", session.failedLayer(), sink(out), new Cancellation());

    assertEquals("partial\n", out.toString());
  }

  @Test
  void runAttached_command_exitStatusComesBack() throws Exception {
    LinuxSandbox sandbox = new LinuxSandbox(Clock.systemUTC());
    StepLayers.Draft draft = trials.draft();

    // A command that neither reads nor writes the test process's standard streams.
    SandboxResult result =
        sandbox.runAttached(
            trials.request(
                session.current(),
                session.proxyEnvironment(),
                java.util.List.of("/bin/sh", "-c", "test -x /bin/busybox && exit 3"),
                Optional.empty(),
                draft,
                false));

    assertEquals(3, result.exitCode());
  }

  @Test
  void start_webServer_answersOnLocalhostUntilStopped() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    session.apply("RUN mkdir /www && echo served by the image > /www/index.html");
    session.apply(
        "CMD [\"httpd\", \"-f\", \"-v\", \"-p\", \"127.0.0.1:" + port + "\", \"-h\", \"/www\"]");

    assertEquals(Optional.empty(), trials.start(session));
    String body = fetch(port);

    assertEquals("served by the image\n", body);
    assertTrue(trials.running());
    assertTrue(trials.stop());
    assertFalse(trials.running());
    assertTrue(trials.logs().endsWith("stopped]\n"), trials.logs());
  }

  private static String fetch(int port) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.html")).build();
    Exception last = null;
    for (int i = 0; i < 100; i++) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
      } catch (java.io.IOException e) {
        last = e;
        Thread.sleep(50);
      }
    }
    throw last;
  }

  private static SandboxOutput sink(StringBuilder out) {
    return new SandboxOutput() {
      @Override
      public synchronized void stdout(String text) {
        out.append(text);
      }

      @Override
      public synchronized void stderr(String text) {
        out.append(text);
      }
    };
  }
}
