package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.sandbox.LinuxSandbox;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.spi.SandboxOutput;
import org.iechorfile.engine.spi.SandboxRequest;
import org.iechorfile.engine.spi.SandboxResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the greeter application in the test resources through its multi-stage iEchorfile with the
 * real sandbox, then runs the image's CMD (busybox httpd, as the image's user, on the host network)
 * and fetches its pages.
 */
@Timeout(180)
class MultiStageAppIT {

  @TempDir Path home;

  @Test
  void apply_multiStageWebApp_buildsAndServesIt() throws Exception {
    Path context = Path.of(getClass().getResource("/apps/greeter").toURI());
    String file = Files.readString(context.resolve("iEchorfile"));
    LinuxSandbox sandbox = new LinuxSandbox(Clock.systemUTC());
    assertEquals(List.of(), sandbox.missingPrerequisites(), "the sandbox needs these to run");
    try (Session session =
        Session.builder()
            .home(home)
            .sandbox(sandbox)
            .images(BusyboxLayer.images(home))
            .context(context)
            .buildArg("GREETING", "Bonjour")
            .build()) {
      List<SessionEvent> events = session.apply(file);
      SessionEvent last = events.get(events.size() - 1);
      assertTrue(last instanceof StepCompleted, events.toString());
      assertEquals(
          List.of("build", "runtime"),
          session.steps().stream()
              .map(StepInfo::stage)
              .filter(s -> !s.startsWith("stage-"))
              .distinct()
              .toList());
      ImageTree image = new ImageTree(session.current().layers(), "the image");
      assertTrue(image.entry("src").isEmpty(), "the build stage's sources stay out");
      assertEquals(1001, image.entry("www/index.html").orElseThrow().uid());
      assertTrue(
          new ImageTree(session.current().stages().get(0).state().layers(), "build")
              .entry("src/notes.draft")
              .isEmpty(),
          "the ignore file keeps drafts out of the build stage");

      int port = freePort();
      List<String> argv = new ArrayList<>(session.config().cmd());
      argv.addAll(List.of("-p", "127.0.0.1:" + port));
      Cancellation stop = new Cancellation();
      StringBuilder log = new StringBuilder();
      CompletableFuture<SandboxResult> server =
          CompletableFuture.supplyAsync(() -> serve(session, sandbox, argv, stop, log));
      try {
        HttpClient http = HttpClient.newHttpClient();
        String page = fetch(http, "http://127.0.0.1:" + port + "/index.html", server, log);
        assertTrue(page.contains("<h1>Bonjour from iechorfile</h1>"), page);
        String cgi = fetch(http, "http://127.0.0.1:" + port + "/cgi-bin/hello?x=1", server, log);
        assertEquals("hello from uid 1001, query x=1\n", cgi);
      } finally {
        stop.cancel();
        server.get(30, TimeUnit.SECONDS);
      }
    }
  }

  private SandboxResult serve(
      Session session,
      LinuxSandbox sandbox,
      List<String> argv,
      Cancellation stop,
      StringBuilder log) {
    try {
      Path scratch = Files.createTempDirectory(home, "run");
      ImageState state = session.current();
      List<String> lowers = new ArrayList<>();
      for (int i = state.layers().size() - 1; i >= 0; i--) {
        lowers.add(state.layers().get(i).shortName());
      }
      UserLookup.Ids ids = UserLookup.resolve(state.config().user(), state.layers());
      SandboxRequest request =
          new SandboxRequest(
              home.resolve("session/l"),
              lowers,
              Files.createDirectory(scratch.resolve("upper")),
              Files.createDirectory(scratch.resolve("work")),
              argv,
              RunDispatch.environment(state),
              state.config().workingDir(),
              ids.uid(),
              ids.gid(),
              "greeter",
              true,
              List.of());
      return sandbox.run(
          request,
          new SandboxOutput() {
            @Override
            public void stdout(String text) {
              synchronized (log) {
                log.append(text);
              }
            }

            @Override
            public void stderr(String text) {
              stdout(text);
            }
          },
          stop);
    } catch (Exception e) {
      throw new IllegalStateException("the server could not be started: " + e.getMessage(), e);
    }
  }

  private static String fetch(
      HttpClient http, String url, CompletableFuture<SandboxResult> server, StringBuilder log)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (server.isDone()) {
        fail("the server stopped: " + server.get() + "; output: " + log);
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
      } catch (ConnectException e) {
        Thread.sleep(100);
      }
    }
    fail("nothing answered at " + url + " within 30 s; output: " + log);
    return "";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      assertFalse(socket.isClosed());
      return socket.getLocalPort();
    }
  }
}
