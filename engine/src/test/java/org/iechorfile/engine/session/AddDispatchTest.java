package org.iechorfile.engine.session;

import static org.iechorfile.engine.session.CopyDispatchTest.assertCompleted;
import static org.iechorfile.engine.session.CopyDispatchTest.assertFailed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.image.Digest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** ADD: archives unpacked, downloads from a loopback server, git clones over dumb HTTP. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AddDispatchTest {

  private static final String LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT";

  @TempDir Path home;
  @TempDir Path context;
  @TempDir Path served;

  private Session session;
  private HttpServer server;

  @BeforeEach
  void open() throws Exception {
    session =
        Session.builder()
            .home(home)
            .sandbox(new FakeSandbox())
            .images(BusyboxLayer.images(home))
            .context(context)
            .build();
    assertCompleted(session.apply("FROM busybox"));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          Path file = served.resolve(exchange.getRequestURI().getPath().substring(1));
          if (!Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
          }
          byte[] body = Files.readAllBytes(file);
          exchange.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void close() {
    server.stop(0);
    session.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
  }

  private Optional<SourceTree.Entry> entry(String path) throws IOException {
    return new ImageTree(session.current().layers(), "the image").entry(path.substring(1));
  }

  private String read(String path) throws IOException {
    return Files.readString(entry(path).orElseThrow(() -> new AssertionError(path)).file());
  }

  private static byte[] tar() throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      add(tar, "pkg/", new byte[0], 0755, 1000);
      add(tar, "pkg/README", "read me\n".getBytes(StandardCharsets.UTF_8), 0640, 1000);
    }
    return bytes.toByteArray();
  }

  private static void add(TarArchiveOutputStream tar, String name, byte[] data, int mode, int uid)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(mode);
    entry.setIds(uid, uid);
    entry.setSize(name.endsWith("/") ? 0 : data.length);
    tar.putArchiveEntry(entry);
    if (!name.endsWith("/")) {
      tar.write(data);
    }
    tar.closeArchiveEntry();
  }

  private static byte[] compress(byte[] data, String kind) throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (OutputStream out =
        switch (kind) {
          case "gz" -> new java.util.zip.GZIPOutputStream(bytes);
          case "bz2" -> new BZip2CompressorOutputStream(bytes);
          default -> new XZOutputStream(bytes, new LZMA2Options());
        }) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  @Test
  void apply_localArchives_areUnpackedWithOwnersAndModes() throws Exception {
    Files.write(context.resolve("plain.tar"), tar());
    Files.write(context.resolve("a.tar.gz"), compress(tar(), "gz"));
    Files.write(context.resolve("b.tar.bz2"), compress(tar(), "bz2"));
    Files.write(context.resolve("c.tar.xz"), compress(tar(), "xz"));
    for (String name : List.of("plain.tar", "a.tar.gz", "b.tar.bz2", "c.tar.xz")) {
      assertCompleted(session.apply("ADD " + name + " /opt/" + name + "/"));
      assertEquals("read me\n", read("/opt/" + name + "/pkg/README"), name);
      SourceTree.Entry readme = entry("/opt/" + name + "/pkg/README").orElseThrow();
      assertEquals(0640, readme.mode());
      assertEquals(1000, readme.uid());
    }
  }

  @Test
  void apply_archiveWithUnpackFalseOrCopy_staysAFile() throws Exception {
    Files.write(context.resolve("a.tar.gz"), compress(tar(), "gz"));
    assertCompleted(session.apply("ADD --unpack=false a.tar.gz /kept/"));
    assertEquals(SourceTree.Type.FILE, entry("/kept/a.tar.gz").orElseThrow().type());
    assertCompleted(session.apply("COPY a.tar.gz /copied/"));
    assertEquals(SourceTree.Type.FILE, entry("/copied/a.tar.gz").orElseThrow().type());
  }

  @Test
  void apply_hostileArchive_isRefused() throws Exception {
    var bytes = new java.io.ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      add(tar, "../../evil", "x".getBytes(StandardCharsets.UTF_8), 0644, 0);
    }
    Files.write(context.resolve("evil.tar"), bytes.toByteArray());
    Failure failure = assertFailed(session.apply("ADD evil.tar /x/"));
    assertTrue(
        failure.message().contains("could not unpack the archive evil.tar"), failure.message());
    assertTrue(entry("/evil").isEmpty());
  }

  @Test
  void apply_url_downloadsWithMode600AndLastModified() throws Exception {
    Files.writeString(served.resolve("notes.txt"), "remote\n");
    assertCompleted(session.apply("ADD " + url("notes.txt") + " /dl/"));
    SourceTree.Entry notes = entry("/dl/notes.txt").orElseThrow();
    assertEquals("remote\n", read("/dl/notes.txt"));
    assertEquals(0600, notes.mode());
    assertEquals(Instant.parse("2015-10-21T07:28:00Z").toEpochMilli(), notes.mtime());
  }

  @Test
  void apply_urlWithChecksum_verifiesIt() throws Exception {
    Files.writeString(served.resolve("x.bin"), "payload");
    String good = Digest.sha256("payload").toString();
    assertCompleted(session.apply("ADD --checksum=" + good + " " + url("x.bin") + " /x.bin"));
    assertEquals("payload", read("/x.bin"));
    String bad = Digest.sha256("other").toString();
    Failure failure =
        assertFailed(session.apply("ADD --checksum=" + bad + " " + url("x.bin") + " /y.bin"));
    assertTrue(failure.message().contains("--checksum expects " + bad), failure.message());
    assertTrue(entry("/y.bin").isEmpty());
  }

  @Test
  void apply_urlNotFound_failsWithTheStatus() throws Exception {
    Failure failure = assertFailed(session.apply("ADD " + url("missing") + " /m"));
    assertTrue(failure.message().contains("HTTP 404"), failure.message());
  }

  @Test
  void apply_gitRepository_isClonedWithoutItsGitDirectory() throws Exception {
    Path work = Files.createDirectories(served.resolve("work"));
    git(work, "init", "-q", "-b", "main");
    Files.writeString(work.resolve("hello.txt"), "from git\n");
    git(work, "add", "hello.txt");
    git(work, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "first");
    git(work, "tag", "v1");
    git(served, "clone", "-q", "--bare", "work", "repo.git");
    git(served.resolve("repo.git"), "update-server-info");
    assertCompleted(session.apply("ADD " + url("repo.git") + "#v1 /src"));
    assertEquals("from git\n", read("/src/hello.txt"));
    assertTrue(entry("/src/.git").isEmpty());
    assertCompleted(session.apply("ADD --keep-git-dir " + url("repo.git") + " /kept"));
    assertTrue(entry("/kept/.git/HEAD").isPresent());
  }

  @Test
  void clone_withoutGit_saysToInstallIt() throws Exception {
    AddSources sources = new AddSources(AddSources.defaultClient(), "/nonexistent/git");
    StepFailure failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            StepFailure.class,
            () -> sources.clone(url("repo.git"), false, served.resolve("checkout")));
    assertTrue(failure.getMessage().contains("Debian package git"), failure.getMessage());
  }

  @Test
  void isGit_andIsUrl_tellSourcesApart() {
    assertTrue(AddSources.isGit("https://example.org/x/repo.git#main"));
    assertTrue(AddSources.isGit("git@github.com:moby/moby.git"));
    assertTrue(AddSources.isGit("https://github.com/moby/buildkit"));
    assertTrue(!AddSources.isGit("https://example.org/file.tar.gz"));
    assertTrue(AddSources.isUrl("https://example.org/file.tar.gz"));
    assertTrue(!AddSources.isUrl("file.tar.gz"));
    assertEquals("file.tar.gz", AddSources.fileName("https://example.org/a/file.tar.gz?x=1"));
    assertEquals("__unnamed__", AddSources.fileName("https://example.org/"));
  }

  private static void git(Path directory, String... args) throws Exception {
    List<String> argv = new java.util.ArrayList<>(List.of("git"));
    argv.addAll(List.of(args));
    Process process =
        new ProcessBuilder(argv).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), "git " + String.join(" ", args) + ": " + output);
  }
}
