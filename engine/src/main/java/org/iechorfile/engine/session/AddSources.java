package org.iechorfile.engine.session;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.registry.LazyHttpClient;
import org.iechorfile.engine.tar.Compression;
import org.iechorfile.engine.tar.LayerExtractor;
import org.iechorfile.engine.tar.OverlayNamespace;
import org.tukaani.xz.XZInputStream;

/**
 * What ADD adds to COPY: files downloaded over HTTP(S) (with {@code --checksum} checked and the
 * modification time taken from {@code Last-Modified}), git repositories cloned with the {@code git}
 * command, and local tar archives (plain, gzip, bzip2 or xz) unpacked with the same checks against
 * hostile paths as image layers.
 */
final class AddSources {

  private static final Duration GIT_TIMEOUT = Duration.ofMinutes(10);

  private final HttpClient http;
  private final String git;

  /** Downloads through {@code http}; clones with the command {@code git} (a name or a path). */
  AddSources(HttpClient http, String git) {
    this.http = http;
    this.git = git;
  }

  /** An HTTP client that follows redirects, as Docker's ADD does; built on its first request. */
  static HttpClient defaultClient() {
    return new LazyHttpClient(
        () ->
            HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build());
  }

  /** Whether an ADD source is a git repository (and not a plain download). */
  static boolean isGit(String source) {
    return source.startsWith("git@")
        || source.startsWith("git://")
        || source.matches("(?i)https?://[^#?]+\\.git(#.*)?")
        || source.matches(
            "(?i)https?://(github\\.com|gitlab\\.com|bitbucket\\.org)/[^/]+/[^/#?]+(#.*)?");
  }

  /** Whether an ADD source is a URL to download. */
  static boolean isUrl(String source) {
    return source.matches("(?i)https?://.+");
  }

  /** The file name a URL's download gets: its last path element, or {@code __unnamed__}. */
  static String fileName(String url) {
    String path = URI.create(url).getPath();
    if (path == null || path.isEmpty() || path.endsWith("/")) {
      return "__unnamed__";
    }
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * Downloads {@code url} into {@code file}, checks it against {@code checksum} ({@code
   * sha256:HEX}) when given, and sets its time from {@code Last-Modified}.
   */
  void download(String url, Optional<String> checksum, Path file)
      throws StepFailure, IOException, InterruptedException {
    HttpResponse<Path> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofMinutes(10)).build(),
              HttpResponse.BodyHandlers.ofFile(file));
    } catch (IOException | IllegalArgumentException e) {
      throw new StepFailure(
          Failure.of(
              Failure.Kind.MISSING_FILE,
              "ADD could not download "
                  + url
                  + ": "
                  + e.getMessage()
                  + "; check the address and the network"),
          e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new StepFailure(
          Failure.of(
              Failure.Kind.MISSING_FILE,
              "ADD could not download "
                  + url
                  + ": the server answered HTTP "
                  + response.statusCode()
                  + "; check the address"));
    }
    if (checksum.isPresent()) {
      verify(url, checksum.get(), file);
    }
    Optional<String> modified = response.headers().firstValue("Last-Modified");
    if (modified.isPresent()) {
      try {
        ZonedDateTime time =
            ZonedDateTime.parse(modified.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Files.setLastModifiedTime(file, FileTime.from(time.toInstant()));
      } catch (DateTimeParseException e) {
        // A malformed header leaves the download time, as Docker does.
      }
    }
  }

  private static void verify(String url, String checksum, Path file)
      throws StepFailure, IOException {
    Digest expected;
    try {
      expected = Digest.parse(checksum);
    } catch (IllegalArgumentException e) {
      throw new StepFailure(
          Failure.of(
              Failure.Kind.UNSUPPORTED,
              "invalid --checksum "
                  + checksum
                  + ": write it as sha256:<64 hex digits> (or sha512:<128 hex digits>)"));
    }
    java.security.MessageDigest digest;
    try {
      digest =
          java.security.MessageDigest.getInstance(
              expected.algorithm().toUpperCase().replace("SHA", "SHA-"));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + expected.algorithm(), e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[65536];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    Digest actual = Digest.of(expected.algorithm(), digest.digest());
    if (!actual.equals(expected)) {
      throw new StepFailure(
          Failure.of(
              Failure.Kind.MISSING_FILE,
              "ADD "
                  + url
                  + ": the download has digest "
                  + actual
                  + " but --checksum expects "
                  + expected
                  + "; the file changed on the server or the checksum is wrong"));
    }
  }

  /**
   * Clones the git repository {@code source} ({@code URL[#REF[:SUBDIR]]}) into {@code target},
   * keeping its {@code .git} directory only when {@code keepGitDir}.
   */
  void clone(String source, boolean keepGitDir, Path target)
      throws StepFailure, IOException, InterruptedException {
    int hash = source.indexOf('#');
    String url = hash < 0 ? source : source.substring(0, hash);
    String fragment = hash < 0 ? "" : source.substring(hash + 1);
    String ref = fragment.contains(":") ? fragment.substring(0, fragment.indexOf(':')) : fragment;
    List<String> argv = new ArrayList<>(List.of(git, "clone", "--quiet", "--recurse-submodules"));
    if (!ref.isEmpty()) {
      argv.addAll(List.of("--branch", ref));
    }
    argv.addAll(List.of("--", url, target.toString()));
    run(argv, source);
    if (!keepGitDir) {
      StepLayers.delete(target.resolve(".git"));
    }
  }

  private static void run(List<String> argv, String source)
      throws StepFailure, IOException, InterruptedException {
    Process process;
    try {
      process =
          new ProcessBuilder(argv)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
    } catch (IOException e) {
      throw new StepFailure(
          Failure.of(
              Failure.Kind.UNSUPPORTED,
              "ADD of the git repository "
                  + source
                  + " needs the git command, which is not installed; install it (Debian package"
                  + " git) or copy a checkout from the build context"),
          e);
    }
    byte[] output;
    try (InputStream in = process.getInputStream()) {
      output = in.readAllBytes();
    }
    if (!process.waitFor(GIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new StepFailure(
          Failure.of(Failure.Kind.MISSING_FILE, "git clone of " + source + " timed out"));
    }
    if (process.exitValue() != 0) {
      throw new StepFailure(
          new Failure(
              Failure.Kind.MISSING_FILE,
              "git could not clone "
                  + source
                  + " (exit status "
                  + process.exitValue()
                  + "); check the address and the branch or tag",
              new String(output, java.nio.charset.StandardCharsets.UTF_8).strip(),
              java.util.OptionalInt.of(process.exitValue())));
    }
  }

  /** Whether {@code file} is a tar archive, plain or compressed with gzip, bzip2 or xz. */
  static boolean isArchive(Path file) throws IOException {
    try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      Compression compression = Compression.detect(in);
      InputStream plain =
          switch (compression) {
            case GZIP -> new GZIPInputStream(in);
            case BZIP2 -> new BZip2CompressorInputStream(in);
            case XZ -> new XZInputStream(in);
            case NONE -> in;
            case ZSTD -> null;
          };
      if (plain == null) {
        return false;
      }
      byte[] head = plain.readNBytes(512);
      return head.length == 512 && TarArchiveInputStream.matches(head, head.length);
    } catch (IOException e) {
      // A file that looks compressed but is not readable as such is copied as it is.
      return false;
    }
  }

  /** Unpacks the archive {@code file} into the new directory {@code target}. */
  static void extract(Path file, Path target, String source) throws StepFailure, IOException {
    try (InputStream in = Files.newInputStream(file)) {
      new LayerExtractor(OverlayNamespace.current()).extract(in, target);
    } catch (org.iechorfile.engine.tar.LayerFormatException e) {
      throw new StepFailure(
          Failure.of(
              Failure.Kind.MISSING_FILE,
              "ADD could not unpack the archive " + source + ": " + e.getMessage()),
          e);
    }
  }
}
