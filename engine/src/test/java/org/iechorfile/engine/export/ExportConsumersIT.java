package org.iechorfile.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.fs.LayeredView;
import org.iechorfile.engine.fs.TreeDiff;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.images.ImageLibrary;
import org.iechorfile.engine.registry.CredentialSource;
import org.iechorfile.engine.registry.ImageReference;
import org.iechorfile.engine.sandbox.LinuxSandbox;
import org.iechorfile.engine.session.ImageState;
import org.iechorfile.engine.session.LayerRef;
import org.iechorfile.engine.session.Session;
import org.iechorfile.engine.session.StoreImages;
import org.iechorfile.engine.store.Store;
import org.iechorfile.engine.tar.OverlayNamespace;
import org.iechorfile.engine.testing.RegistryExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session's image exported and checked by real consumers: skopeo inspects it, umoci unpacks it to
 * the session's files, podman loads and runs it, and a push to the loopback registry copies back
 * with skopeo. The session's transcript, applied again, gives the same files and config.
 */
@Timeout(600)
class ExportConsumersIT {

  @RegisterExtension static final RegistryExtension REGISTRY = RegistryExtension.open();

  @TempDir static Path temp;
  private static Store store;
  private static Session session;
  private static ExportedImage image;
  private static Consumers consumers;

  @BeforeAll
  static void exportASession() throws Exception {
    REGISTRY.pushBusybox(CredentialSource.ANONYMOUS);
    Path home = temp.resolve("home");
    store = Store.open(home, OverlayNamespace.current());
    session = session(home);
    apply("FROM busybox AS base");
    apply("RUN echo hello from the image > /greeting");
    apply("RUN echo mistake > /mistake");
    session.undo(1);
    apply(
        "RUN mkdir -p /app && printf '#!/bin/sh\\necho served\\n' > /app/run.sh"
            + " && chmod 755 /app/run.sh");
    apply("ENV GREETING=hi");
    apply("RUN rm /bin/vi");
    session.undo(2);
    session.redo(1);
    apply("CMD [\"cat\", \"/greeting\"]");
    image = ImageExporter.of(store, Clock.systemUTC()).export(session.current());
    consumers = Consumers.in(Files.createDirectories(temp.resolve("consumers")), REGISTRY.host());
  }

  @AfterAll
  static void close() throws Exception {
    if (consumers != null) {
      consumers.podman("rm", "--all", "--force");
      consumers.podman("rmi", "--all", "--force");
      consumers.close();
    }
    if (session != null) {
      session.close();
    }
  }

  private static Session session(Path home) {
    return Session.builder()
        .home(home)
        .sandbox(new LinuxSandbox(Clock.systemUTC()))
        .images(new StoreImages(new ImageLibrary(store, REGISTRY.hubMirrorClient()), home))
        .build();
  }

  private static void apply(String source) {
    List<SessionEvent> events = session.apply(source);
    assertTrue(events.get(events.size() - 1) instanceof StepCompleted, events.toString());
  }

  private static LayeredView view(ImageState state) {
    return LayeredView.of(state.layers().stream().map(LayerRef::directory).toList());
  }

  @Test
  void skopeoInspect_ociLayout_showsLayersAndConfig() throws Exception {
    Path layout = temp.resolve("layout-inspect");
    new ImageFiles(store).save(image, layout, ImageFormat.OCI, ImageReference.parse("app:1.0"));

    JsonNode inspect =
        new ObjectMapper().readTree(consumers.skopeo("inspect", "oci:" + layout + ":1.0"));
    JsonNode config =
        new ObjectMapper()
            .readTree(consumers.skopeo("inspect", "--config", "oci:" + layout + ":1.0"));

    assertEquals(image.manifestDescriptor().digest().toString(), inspect.get("Digest").asText());
    assertEquals(image.layers().size(), inspect.get("Layers").size());
    assertEquals("[\"cat\",\"/greeting\"]", config.get("config").get("Cmd").toString());
    assertTrue(config.get("config").get("Env").toString().contains("GREETING=hi"));
    assertEquals(image.config().history().size(), config.get("history").size());
  }

  @Test
  void umociUnpack_ociLayout_filesEqualTheSessions() throws Exception {
    Path layout = temp.resolve("layout-umoci");
    new ImageFiles(store).save(image, layout, ImageFormat.OCI, ImageReference.parse("app:1.0"));
    Path bundle = temp.resolve("bundle");

    consumers.umoci("unpack", "--image", layout + ":1.0", bundle.toString());

    TreeDiff diff =
        TreeDiff.between(
            view(session.current()),
            LayeredView.of(List.of(bundle.resolve("rootfs"))),
            TreeDiff.Times.COMPARED);
    assertEquals(List.of(), diff.changes());
  }

  @Test
  void podman_loadsBothArchivesAndRunsTheImage() throws Exception {
    Path docker = temp.resolve("docker.tar");
    Path oci = temp.resolve("oci.tar");
    ImageFiles files = new ImageFiles(store);
    files.save(image, docker, ImageFormat.DOCKER_ARCHIVE, ImageReference.parse("app:docker"));
    files.save(image, oci, ImageFormat.OCI_ARCHIVE, ImageReference.parse("app:oci"));

    String loaded = consumers.podman("load", "-i", docker.toString());
    consumers.podman("load", "-i", oci.toString());
    String output =
        consumers.podman(
            "run", "--rm", "--cgroups=disabled", "--network=none", image.id().substring(7));

    assertTrue(loaded.contains("app:docker"), loaded);
    assertEquals("hello from the image\n", output);
    assertEquals(
        "served\n",
        consumers.podman(
            "run",
            "--rm",
            "--cgroups=disabled",
            "--network=none",
            image.id().substring(7),
            "/app/run.sh"));
  }

  @Test
  void push_toLoopbackRegistry_copiesBackWithSkopeo() throws Exception {
    ImageReference target = REGISTRY.reference("exports/app:1.0");

    Digest pushed =
        new ImagePush(store, REGISTRY.client(CredentialSource.ANONYMOUS)).push(image, target);
    Path copy = temp.resolve("copied");
    consumers.skopeo(
        "copy",
        "--src-tls-verify=false",
        "docker://" + REGISTRY.host() + "/exports/app:1.0",
        "oci:" + copy + ":copy");

    assertEquals(image.manifestDescriptor().digest(), pushed);
    JsonNode index = new ObjectMapper().readTree(Files.readAllBytes(copy.resolve("index.json")));
    assertEquals(pushed.toString(), index.get("manifests").get(0).get("digest").asText());
  }

  @Test
  void transcript_appliedInANewSession_givesTheSameFilesAndConfig() throws Exception {
    String transcript = session.transcript();
    Path home = temp.resolve("home");
    try (Session rebuilt = session(home)) {
      rebuilt.setCacheEnabled(false);
      List<SessionEvent> events = rebuilt.apply(transcript);
      assertTrue(events.get(events.size() - 1) instanceof StepCompleted, events.toString());

      TreeDiff diff =
          TreeDiff.between(
              view(session.current()), view(rebuilt.current()), TreeDiff.Times.IGNORED);
      assertEquals(List.of(), diff.changes());
      assertEquals(session.config(), rebuilt.config());
      assertEquals(
          session.steps().stream().filter(s -> s.live()).map(s -> s.source()).toList(),
          rebuilt.steps().stream().map(s -> s.source()).toList());
    }
  }
}
