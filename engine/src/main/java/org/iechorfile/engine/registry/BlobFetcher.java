package org.iechorfile.engine.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.Digest;

/**
 * {@code GET /v2/NAME/blobs/DIGEST}: streams a blob to a file or memory, checking its size and
 * digest as it arrives. A file is written beside its target and moved into place only when the
 * digest matches, so a failed download never leaves a corrupt file at the target.
 */
final class BlobFetcher {
  private static final int BUFFER = 64 * 1024;
  private static final long PROGRESS_STEP = 256 * 1024;

  private final RegistryTransport transport;

  BlobFetcher(RegistryTransport transport) {
    this.transport = transport;
  }

  byte[] fetchBytes(RegistryEndpoint endpoint, String repository, Descriptor blob)
      throws RegistryException, InterruptedException {
    if (blob.size() > ManifestFetcher.MAX_MANIFEST_BYTES * 4L) {
      throw new RegistryProtocolException(
          "blob "
              + blob.digest()
              + " is too large ("
              + blob.size()
              + " bytes) to read into memory");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) blob.size());
    try {
      copy(endpoint, repository, blob, out, PullProgressListener.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  void download(
      RegistryEndpoint endpoint,
      String repository,
      Descriptor blob,
      Path target,
      PullProgressListener progress)
      throws RegistryException, InterruptedException {
    Path dir = target.toAbsolutePath().getParent();
    Path partial = null;
    try {
      Files.createDirectories(dir);
      partial = Files.createTempFile(dir, "." + blob.digest().shortHex() + "-", ".partial");
      try (OutputStream out = Files.newOutputStream(partial)) {
        copy(endpoint, repository, blob, out, progress);
      }
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      partial = null;
    } catch (IOException e) {
      throw new RegistryProtocolException(
          "cannot write blob " + blob.digest() + " to " + target + " (" + e.getMessage() + ")", e);
    } finally {
      deleteQuietly(partial);
    }
  }

  private void copy(
      RegistryEndpoint endpoint,
      String repository,
      Descriptor blob,
      OutputStream out,
      PullProgressListener progress)
      throws RegistryException, InterruptedException, IOException {
    String what = "blob " + blob.digest();
    RegistryTransport.Call call =
        new RegistryTransport.Call(
            endpoint,
            repository,
            what,
            List.of(ManifestFetcher.pullScope(repository)),
            Set.of(200));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve("/v2/" + repository + "/blobs/" + blob.digest()))
            .GET();
    HttpResponse<InputStream> response = transport.send(call, request);
    MessageDigest hash = blob.digest().newMessageDigest();
    long done = 0;
    long reported = 0;
    progress.progressed(blob, 0, blob.size());
    try (InputStream body = response.body()) {
      byte[] buffer = new byte[BUFFER];
      for (int n; (n = read(body, buffer, endpoint, what)) > 0; ) {
        if (Thread.interrupted()) {
          throw new InterruptedException("download of " + what + " cancelled");
        }
        done += n;
        if (done > blob.size()) {
          throw mismatch(
              endpoint, repository, blob, "is larger than the " + blob.size() + " bytes");
        }
        hash.update(buffer, 0, n);
        out.write(buffer, 0, n);
        if (done - reported >= PROGRESS_STEP) {
          progress.progressed(blob, done, blob.size());
          reported = done;
        }
      }
    }
    Digest actual = Digest.of(blob.digest().algorithm(), hash.digest());
    if (done != blob.size()) {
      throw mismatch(endpoint, repository, blob, "has " + done + " bytes, not " + blob.size());
    }
    if (!actual.equals(blob.digest())) {
      throw mismatch(endpoint, repository, blob, "has digest " + actual);
    }
    progress.progressed(blob, done, blob.size());
  }

  private static int read(InputStream body, byte[] buffer, RegistryEndpoint endpoint, String what)
      throws RegistryUnreachableException, InterruptedException {
    try {
      return body.read(buffer);
    } catch (IOException e) {
      if (e.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("download of " + what + " cancelled");
      }
      throw new RegistryUnreachableException(
          "lost the connection to "
              + endpoint.authority()
              + " while downloading "
              + what
              + " ("
              + RegistryTransport.reason(e)
              + "); pull again",
          e);
    }
  }

  private static DigestMismatchException mismatch(
      RegistryEndpoint endpoint, String repository, Descriptor blob, String found) {
    return new DigestMismatchException(
        "blob "
            + blob.digest()
            + " from "
            + endpoint.authority()
            + "/"
            + repository
            + " "
            + found
            + " that the manifest names; the registry or a proxy altered it. Pull again, or check "
            + RegistryMirrors.ENVIRONMENT_VARIABLE);
  }

  private static void deleteQuietly(Path partial) {
    if (partial == null) {
      return;
    }
    try {
      Files.deleteIfExists(partial);
    } catch (IOException e) {
      System.getLogger(BlobFetcher.class.getName())
          .log(System.Logger.Level.DEBUG, "cannot delete " + partial, e);
    }
  }
}
