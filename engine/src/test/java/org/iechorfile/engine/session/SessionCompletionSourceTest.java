package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.store.ImageSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionCompletionSourceTest {

  @TempDir Path home;
  @TempDir Path host;

  private Session session;
  private SessionCompletionSource source;

  @BeforeEach
  void setUp() {
    session =
        Session.builder()
            .home(home)
            .sandbox(new FakeSandbox())
            .images(new FixedImages(Map.of()))
            .build();
    Digest digest = Digest.parse("sha256:" + "a".repeat(64));
    source =
        new SessionCompletionSource(
            session,
            () ->
                List.of(
                    new ImageSummary("docker.io/library/busybox:latest", digest, 1, true),
                    new ImageSummary("registry.example/app:1", digest, 1, true)),
            host);
  }

  @AfterEach
  void tearDown() {
    session.close();
  }

  @Test
  void imagePaths_filesFromRunLayers_absoluteAndRelative() {
    session.apply("FROM scratch AS base\nRUN one\nRUN two\nWORKDIR /");
    assertEquals(List.of("/step-1", "/step-2"), source.imagePaths("/st"));
    assertEquals(List.of("step-2"), source.imagePaths("step-2"));
    assertEquals(List.of(), source.imagePaths("/nothing/"));
  }

  @Test
  void imagePaths_directoryFromACopy_endsInASlashAndListsItsFiles() throws Exception {
    Files.createDirectories(host.resolve("site/css"));
    Files.writeString(host.resolve("site/index.html"), "<p>hi</p>");
    session.setContext(host);
    session.apply("FROM scratch\nCOPY site /srv/site/");

    assertEquals(List.of("/srv/"), source.imagePaths("/s"));
    assertEquals(
        List.of("/srv/site/css/", "/srv/site/index.html"), source.imagePaths("/srv/site/"));
  }

  @Test
  void stageNamesAndVariables_fromState() {
    session.setBuildArg("TOKEN", "x");
    session.apply("FROM scratch AS base\nENV HOME=/root\nFROM scratch");
    assertEquals(List.of("base"), source.stageNames());
    assertEquals(List.of("TOKEN"), source.variables());
    session.apply("ARG V=1\nENV PATH=/bin");
    assertEquals(List.of("PATH", "TOKEN", "V"), source.variables());
  }

  @Test
  void storeImages_shortNames() {
    assertEquals(List.of("busybox:latest"), source.storeImages("bu"));
    assertEquals(2, source.storeImages("").size());
  }

  @Test
  void hostAndContextPaths_listDirectories() throws Exception {
    Files.createDirectories(host.resolve("app/src"));
    Files.writeString(host.resolve("app/main.py"), "");
    assertEquals(List.of("app/"), source.hostPaths("a"));
    assertEquals(List.of(), source.contextPaths(""));
    session.setContext(host.resolve("app"));
    assertEquals(List.of("main.py", "src/"), source.contextPaths(""));
  }
}
