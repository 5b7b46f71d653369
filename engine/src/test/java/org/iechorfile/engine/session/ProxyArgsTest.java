package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepCompleted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The predefined proxy ARGs: seen by RUN without ARG, kept out of the cache key and the image. */
class ProxyArgsTest {

  @TempDir Path home;

  private final FakeSandbox sandbox = new FakeSandbox();
  private Session session;

  private Session open(Session.Builder builder) {
    session = builder.home(home).sandbox(sandbox).images(new FixedImages(Map.of())).build();
    return session;
  }

  @AfterEach
  void close() {
    if (session != null) {
      session.close();
    }
  }

  private List<String> lastEnvironment() {
    return sandbox.requests.get(sandbox.requests.size() - 1).environment();
  }

  private static StepCompleted completed(List<SessionEvent> events) {
    SessionEvent last = events.get(events.size() - 1);
    assertTrue(last instanceof StepCompleted, events.toString());
    return (StepCompleted) last;
  }

  @Test
  void run_proxyBuildArgWithoutArg_seesItInBothSpellings() {
    open(Session.builder().buildArg("https_proxy", "http://proxy:3128"));
    completed(session.apply("FROM scratch\nRUN fetch"));
    assertTrue(
        lastEnvironment().contains("HTTPS_PROXY=http://proxy:3128"), lastEnvironment().toString());
    assertTrue(
        lastEnvironment().contains("https_proxy=http://proxy:3128"), lastEnvironment().toString());
  }

  @Test
  void run_ordinaryBuildArgWithoutArg_doesNotSeeIt() {
    open(Session.builder().buildArg("VERSION", "1"));
    completed(session.apply("FROM scratch\nRUN fetch"));
    assertTrue(lastEnvironment().stream().noneMatch(e -> e.startsWith("VERSION=")));
  }

  @Test
  void run_withProxy_keepsItOutOfTheConfigAndHistory() {
    open(Session.builder().buildArg("HTTP_PROXY", "http://proxy:3128"));
    completed(session.apply("FROM scratch\nENV A=1\nRUN fetch"));
    assertEquals(List.of("A=1"), session.config().env());
    assertTrue(
        session.current().history().stream().noneMatch(h -> h.toString().contains("proxy:3128")),
        session.current().history().toString());
  }

  @Test
  void run_proxyChanged_comesFromTheCache() {
    open(Session.builder().buildArg("HTTP_PROXY", "http://one:3128"));
    completed(session.apply("FROM scratch\nRUN fetch"));
    session.undo(1);
    session.setBuildArg("HTTP_PROXY", "http://two:3128");
    session.setBuildArg("no_proxy", "localhost");
    StepCompleted again = completed(session.apply("RUN fetch"));
    assertTrue(again.cache().hit(), again.cache().reason());
    assertEquals(1, sandbox.requests.size());
  }

  @Test
  void run_proxyDeclaredWithArg_missesTheCacheWhenItChanges() {
    open(Session.builder().buildArg("HTTP_PROXY", "http://one:3128"));
    completed(session.apply("FROM scratch\nARG HTTP_PROXY\nRUN fetch"));
    session.undo(2);
    session.setBuildArg("HTTP_PROXY", "http://two:3128");
    StepCompleted again = completed(session.apply("ARG HTTP_PROXY\nRUN fetch"));
    assertFalse(again.cache().hit());
    assertEquals("ARG HTTP_PROXY changed", again.cache().reason());
    assertEquals(2, sandbox.requests.size());
    assertTrue(lastEnvironment().contains("HTTP_PROXY=http://two:3128"));
  }

  @Test
  void run_hostProxies_arePassedOnAndBuildArgsOverrideThem() {
    open(
        Session.builder()
            .proxiesFrom(
                Map.of(
                    "http_proxy", "http://host:3128",
                    "NO_PROXY", "internal",
                    "Http_Proxy", "http://odd:1",
                    "HOME", "/home/someone")));
    completed(session.apply("FROM scratch\nRUN fetch"));
    List<String> env = lastEnvironment();
    assertTrue(env.contains("http_proxy=http://host:3128"), env.toString());
    assertTrue(env.contains("NO_PROXY=internal"), env.toString());
    assertTrue(env.stream().noneMatch(e -> e.startsWith("HOME=") || e.startsWith("Http_Proxy=")));
    session.setBuildArg("HTTP_PROXY", "http://mine:8080");
    completed(session.apply("RUN fetch again"));
    env = lastEnvironment();
    assertTrue(env.contains("HTTP_PROXY=http://mine:8080"), env.toString());
    assertTrue(env.contains("http_proxy=http://mine:8080"), env.toString());
    assertTrue(env.contains("NO_PROXY=internal"), env.toString());
  }

  @Test
  void run_envOfTheImage_winsOverAProxy() {
    open(Session.builder().buildArg("HTTP_PROXY", "http://proxy:3128"));
    completed(session.apply("FROM scratch\nENV HTTP_PROXY=http://fixed:1\nRUN fetch"));
    List<String> env = lastEnvironment();
    assertTrue(env.contains("HTTP_PROXY=http://fixed:1"), env.toString());
    assertTrue(env.stream().noneMatch(e -> e.equals("HTTP_PROXY=http://proxy:3128")));
    assertTrue(env.contains("http_proxy=http://proxy:3128"), env.toString());
  }

  @Test
  void newSession_ofAWorkspace_takesTheProxiesOfItsEnvironment() throws Exception {
    Workspace workspace =
        Workspace.fromEnvironment(
            Map.of("IECHOR_HOME", home.toString(), "HTTPS_PROXY", "http://corp:8080"));
    session =
        workspace
            .newSession()
            .sandbox(sandbox)
            .images(new FixedImages(Map.of()))
            .buildArg("no_proxy", "example.org")
            .build();
    completed(session.apply("FROM scratch\nRUN fetch"));
    List<String> env = lastEnvironment();
    assertTrue(env.contains("HTTPS_PROXY=http://corp:8080"), env.toString());
    assertTrue(env.contains("NO_PROXY=example.org"), env.toString());
  }
}
