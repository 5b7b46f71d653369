package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.iechorfile.engine.image.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LoadCommandTest {

  @TempDir Path home;
  @TempDir Path dir;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String stdin, String... args) {
    out = new StringWriter();
    err = new StringWriter();
    Launch launch =
        new Launch(
            Map.of("IECHOR_HOME", home.toString(), "HOME", dir.toString()),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            false,
            dir);
    CommandLine line = RootCommand.commandLine(launch);
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    return line.execute(args);
  }

  /** A one-file layer as an uncompressed tar. */
  private static byte[] layer() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      byte[] content = "hello from the archive\n".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry entry = new TarArchiveEntry("greeting.txt");
      entry.setSize(content.length);
      entry.setMode(0644);
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  private static byte[] config(Digest diffId) {
    return ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"FROM_ARCHIVE=1\"]},"
            + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
            + diffId
            + "\"]}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void add(TarArchiveOutputStream tar, String name, byte[] content)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(content.length);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  private Path dockerArchive(String repoTags) throws IOException {
    byte[] layer = layer();
    byte[] config = config(Digest.sha256(layer));
    String manifest =
        "[{\"Config\":\"config.json\",\"RepoTags\":"
            + repoTags
            + ",\"Layers\":[\"l1/layer.tar\"]}]";
    Path archive = dir.resolve("image.tar");
    try (OutputStream file = Files.newOutputStream(archive);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
      add(tar, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
      add(tar, "config.json", config);
      add(tar, "l1/layer.tar", layer);
    }
    return archive;
  }

  @Test
  void load_dockerArchive_namedAndUsableByFrom() throws IOException {
    dockerArchive("[\"example/hello:1\"]");
    assertEquals(0, run("", "load", "image.tar"), err::toString);
    assertTrue(
        out.toString().startsWith("loaded docker.io/example/hello:1 sha256:"), out::toString);
    assertEquals(0, run("", "images"));
    assertTrue(out.toString().contains("docker.io/example/hello:1"), out::toString);
    assertEquals(0, run("FROM example/hello:1\n", "repl"), out::toString);
    assertTrue(out.toString().contains("ok #1 "), out::toString);
  }

  @Test
  void load_ociLayout_namedFromTheArgument() throws IOException {
    byte[] layer = layer();
    byte[] config = config(Digest.sha256(layer));
    Path blobs = Files.createDirectories(dir.resolve("layout/blobs/sha256"));
    Files.write(blobs.resolve(Digest.sha256(layer).hex()), layer);
    Files.write(blobs.resolve(Digest.sha256(config).hex()), config);
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
            + Digest.sha256(config)
            + "\",\"size\":"
            + config.length
            + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\""
            + Digest.sha256(layer)
            + "\",\"size\":"
            + layer.length
            + "}]}";
    byte[] manifestBytes = manifest.getBytes(StandardCharsets.UTF_8);
    Files.write(blobs.resolve(Digest.sha256(manifestBytes).hex()), manifestBytes);
    Files.writeString(dir.resolve("layout/oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.writeString(
        dir.resolve("layout/index.json"),
        "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
            + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
            + Digest.sha256(manifestBytes)
            + "\",\"size\":"
            + manifestBytes.length
            + "}]}");
    assertEquals(1, run("", "load", "layout"));
    assertEquals(
        "iechorfile: the archive does not name its image; give a name: iechorfile load FILE NAME\n",
        err.toString());
    assertEquals(0, run("", "load", "layout", "local/app:2"), err::toString);
    assertEquals(
        "loaded docker.io/local/app:2 " + Digest.sha256(manifestBytes) + "\n", out.toString());
  }

  @Test
  void load_notAnArchive_saysWhatIsExpected() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "just text, no tar here at all");
    assertEquals(1, run("", "load", "notes.txt"));
    assertTrue(
        err.toString().contains("give an oci-archive, docker-archive or OCI layout"),
        err::toString);
    assertEquals(1, run("", "load", "missing.tar"));
    assertEquals(
        "iechorfile: " + dir.resolve("missing.tar") + ": no such file or directory\n",
        err.toString());
  }
}
