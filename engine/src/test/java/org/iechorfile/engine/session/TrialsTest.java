package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.spi.SandboxException;
import org.iechorfile.engine.spi.SandboxOutput;
import org.iechorfile.engine.spi.SandboxResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialsTest {

  @TempDir Path home;
  private final FakeSandbox sandbox = new FakeSandbox();
  private Session session;
  private Trials trials;

  @BeforeEach
  void open() {
    session =
        Session.builder().home(home).sandbox(sandbox).images(new FixedImages(Map.of())).build();
    trials = new Trials(sandbox, home);
    session.apply("FROM scratch\nUSER 0:0\nWORKDIR /srv\nENV MODE=test");
  }

  @AfterEach
  void close() {
    trials.close();
    session.close();
  }

  @Test
  void sh_command_runsThroughTheShellWithTheImageSettingsAndKeepsNothing() throws Exception {
    StringBuilder out = new StringBuilder();

    SandboxResult result =
        trials.sh(session, "ls /", Optional.empty(), sink(out), new Cancellation());

    assertEquals(0, result.exitCode());
    assertEquals("ran ls /\n", out.toString());
    assertEquals(List.of("/bin/sh", "-c", "ls /"), sandbox.requests.get(0).argv());
    assertEquals("/srv", sandbox.requests.get(0).workingDirectory());
    assertTrue(sandbox.requests.get(0).environment().contains("MODE=test"));
    try (var drafts = Files.list(home.resolve("session/drafts"))) {
      assertEquals(0, drafts.count());
    }
    assertEquals(4, session.steps().size());
  }

  @Test
  void sh_failedLayer_isStackedOnTop() throws Exception {
    sandbox.exitCode = 1;
    session.apply("RUN false");
    sandbox.exitCode = 0;
    Path failed = session.failedLayer().orElseThrow();

    trials.sh(session, "true", Optional.of(failed), sink(new StringBuilder()), new Cancellation());

    List<String> lowers = sandbox.requests.get(1).lowerLayers();
    assertTrue(lowers.get(0).startsWith("../drafts/"), lowers.toString());
    assertEquals(failed, home.resolve("session/l").resolve(lowers.get(0)).normalize());
  }

  @Test
  void shell_sandboxWithoutTerminalSupport_refusesAndKeepsNothing() throws Exception {
    SandboxException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            SandboxException.class, () -> trials.shell(session, Optional.empty()));

    assertEquals("this sandbox cannot attach a terminal to a command", refused.getMessage());
    try (var drafts = Files.list(home.resolve("session/drafts"))) {
      assertEquals(0, drafts.count());
    }
  }

  @Test
  void start_noCommandInImage_explainsWhatToDo() throws Exception {
    Optional<String> problem = trials.start(session);

    assertEquals(
        "%run: the image has no ENTRYPOINT or CMD to run; set one, e.g. CMD [\"sh\"], or use %sh",
        problem.orElseThrow());
    assertFalse(trials.running());
  }

  @Test
  void start_imageCommand_runsInTheBackgroundWithHostNetworkAndKeepsItsLog() throws Exception {
    session.apply("ENTRYPOINT [\"serve\"]\nCMD [\"--port\", \"80\"]");

    assertEquals(Optional.empty(), trials.start(session));
    for (int i = 0; i < 100 && trials.running(); i++) {
      Thread.sleep(10);
    }

    assertEquals(List.of("serve", "--port", "80"), sandbox.requests.get(0).argv());
    assertTrue(sandbox.requests.get(0).network());
    assertEquals("ran 80\n[serve --port 80 exited with status 0]\n", trials.logs());
    assertFalse(trials.stop());
  }

  @Test
  void sh_behindAProxy_getsTheProxyVariablesAsRunDoes() throws Exception {
    try (Session proxied = proxiedSession();
        Trials proxiedTrials = new Trials(sandbox, home.resolve("proxied"))) {
      proxied.apply("FROM scratch\nENV no_proxy=.internal");
      proxied.apply("RUN true");

      proxiedTrials.sh(
          proxied,
          "apt-get update",
          Optional.empty(),
          sink(new StringBuilder()),
          new Cancellation());

      List<String> run = sandbox.requests.get(0).environment();
      List<String> sh = sandbox.requests.get(1).environment();
      assertEquals(run, sh);
      assertTrue(sh.contains("HTTP_PROXY=http://proxy.example:3128"), sh.toString());
      assertTrue(sh.contains("https_proxy=http://secure.example:3129"), sh.toString());
      assertTrue(sh.contains("HTTPS_PROXY=http://secure.example:3129"), sh.toString());
      assertTrue(sh.contains("no_proxy=.internal"), sh.toString());
      assertFalse(sh.contains("no_proxy=localhost"), sh.toString());
      assertFalse(proxied.config().env().stream().anyMatch(e -> e.contains("PROXY")));
    }
  }

  @Test
  void start_behindAProxy_theImageCommandGetsTheProxyVariables() throws Exception {
    try (Session proxied = proxiedSession();
        Trials proxiedTrials = new Trials(sandbox, home.resolve("proxied"))) {
      proxied.apply("FROM scratch\nCMD [\"serve\"]");

      assertEquals(Optional.empty(), proxiedTrials.start(proxied));
      for (int i = 0; i < 100 && proxiedTrials.running(); i++) {
        Thread.sleep(10);
      }

      List<String> environment = sandbox.requests.get(0).environment();
      assertTrue(
          environment.contains("HTTP_PROXY=http://proxy.example:3128"), environment.toString());
      assertTrue(environment.contains("no_proxy=localhost"), environment.toString());
      assertTrue(
          environment.contains("HTTPS_PROXY=http://secure.example:3129"), environment.toString());
    }
  }

  @Test
  void sh_noProxies_environmentIsTheImagesAlone() throws Exception {
    trials.sh(session, "env", Optional.empty(), sink(new StringBuilder()), new Cancellation());

    assertEquals(
        List.of("MODE=test", "PATH=" + RunDispatch.DEFAULT_PATH),
        sandbox.requests.get(0).environment());
  }

  private Session proxiedSession() {
    Session proxied =
        Session.builder()
            .home(home.resolve("proxied"))
            .sandbox(sandbox)
            .images(new FixedImages(Map.of()))
            .proxiesFrom(
                Map.of(
                    "HTTP_PROXY", "http://proxy.example:3128",
                    "no_proxy", "localhost",
                    "PATH", "/host/bin"))
            .build();
    proxied.setBuildArg("https_proxy", "http://secure.example:3129");
    return proxied;
  }

  private static SandboxOutput sink(StringBuilder out) {
    return new SandboxOutput() {
      @Override
      public void stdout(String text) {
        out.append(text);
      }

      @Override
      public void stderr(String text) {
        out.append(text);
      }
    };
  }
}
