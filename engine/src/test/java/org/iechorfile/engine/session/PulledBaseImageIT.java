package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.PullProgress;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.StepFailed;
import org.iechorfile.engine.images.ImageLibrary;
import org.iechorfile.engine.registry.CredentialSource;
import org.iechorfile.engine.registry.RegistryClient;
import org.iechorfile.engine.registry.RegistryMirrors;
import org.iechorfile.engine.sandbox.LinuxSandbox;
import org.iechorfile.engine.store.Store;
import org.iechorfile.engine.tar.OverlayNamespace;
import org.iechorfile.engine.testing.RegistryExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** FROM an image pulled from the loopback registry (as Docker Hub's mirror), then RUN in it. */
@Timeout(120)
class PulledBaseImageIT {

  @RegisterExtension static final RegistryExtension REGISTRY = RegistryExtension.open();

  @TempDir Path home;

  @BeforeAll
  static void pushBusybox() throws Exception {
    REGISTRY.pushBusybox(CredentialSource.ANONYMOUS);
  }

  private Session session(RegistryClient client) throws Exception {
    Store store = Store.open(home, OverlayNamespace.current());
    return Session.builder()
        .home(home)
        .sandbox(new LinuxSandbox(Clock.systemUTC()))
        .images(new StoreImages(new ImageLibrary(store, client), home))
        .build();
  }

  @Test
  void from_busybox_pullsWithProgressThenRunsInIt() throws Exception {
    try (Session session = session(REGISTRY.hubMirrorClient())) {
      List<SessionEvent> events = session.apply("FROM busybox");
      assertTrue(events.get(events.size() - 1) instanceof StepCompleted, events.toString());
      List<PullProgress> progress =
          events.stream()
              .filter(PullProgress.class::isInstance)
              .map(PullProgress.class::cast)
              .toList();
      assertTrue(progress.get(progress.size() - 1).finished(), progress.toString());
      assertEquals("busybox", progress.get(0).image());
      List<SessionEvent> run = session.apply("RUN id -un; ls /etc/passwd");
      assertEquals("root\n/etc/passwd\n", SandboxSessions.output(run));
    }
  }

  @Test
  void from_again_comesFromTheStoreWithoutTheRegistry() throws Exception {
    try (Session session = session(REGISTRY.hubMirrorClient())) {
      session.apply("FROM busybox");
    }
    RegistryClient dead = unreachableHub();
    try (Session session = session(dead)) {
      SandboxSessions.completed(session, "FROM busybox");
    }
  }

  /** A client whose Docker Hub mirror is a loopback port nothing listens on. */
  private static RegistryClient unreachableHub() {
    return new RegistryClient(
        RegistryClient.defaultHttpClient(),
        Clock.systemUTC(),
        CredentialSource.ANONYMOUS,
        RegistryMirrors.parse("docker.io=http://127.0.0.1:9"));
  }

  @Test
  void from_unreachableRegistry_failsWithWhatToCheck() throws Exception {
    RegistryClient dead = unreachableHub();
    try (Session session = session(dead)) {
      List<SessionEvent> events = session.apply("FROM busybox:1.36");
      Failure failure = ((StepFailed) events.get(events.size() - 1)).failure();
      assertEquals(Failure.Kind.REGISTRY_UNREACHABLE, failure.kind());
      assertTrue(failure.message().contains("cannot reach registry"), failure.message());
      assertTrue(session.steps().isEmpty());
    }
  }

  @Test
  void from_unknownTag_failsAsNotFound() throws Exception {
    try (Session session = session(REGISTRY.hubMirrorClient())) {
      List<SessionEvent> events = session.apply("FROM busybox:no-such-tag");
      Failure failure = ((StepFailed) events.get(events.size() - 1)).failure();
      assertEquals(Failure.Kind.IMAGE_UNAVAILABLE, failure.kind());
    }
  }
}
