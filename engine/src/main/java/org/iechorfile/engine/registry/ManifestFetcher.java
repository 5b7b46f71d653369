package org.iechorfile.engine.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.InvalidDigestException;
import org.iechorfile.engine.image.InvalidImageDocumentException;
import org.iechorfile.engine.image.MediaTypes;
import org.iechorfile.engine.image.json.ImageCodec;

/** {@code GET /v2/NAME/manifests/REFERENCE}: a manifest or index, verified by digest. */
final class ManifestFetcher {
  /** Manifests larger than this are refused, as the distribution spec suggests (4 MiB). */
  static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

  /** A manifest or index as served, with its media type and digest. */
  record Fetched(byte[] bytes, String mediaType, Digest digest) {}

  private final RegistryTransport transport;

  ManifestFetcher(RegistryTransport transport) {
    this.transport = transport;
  }

  Fetched fetch(RegistryEndpoint endpoint, String repository, String reference)
      throws RegistryException, InterruptedException {
    String what = "manifest " + repository + (reference.contains(":") ? "@" : ":") + reference;
    RegistryTransport.Call call =
        new RegistryTransport.Call(
            endpoint, repository, what, List.of(pullScope(repository)), Set.of(200));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve("/v2/" + repository + "/manifests/" + reference))
            .header("Accept", MediaTypes.manifestAcceptHeader())
            .timeout(Duration.ofSeconds(60))
            .GET();
    HttpResponse<InputStream> response = transport.send(call, request);
    byte[] bytes;
    try (InputStream body = response.body()) {
      bytes = body.readNBytes(MAX_MANIFEST_BYTES + 1);
    } catch (IOException e) {
      throw new RegistryUnreachableException(
          "lost the connection to " + endpoint.authority() + " while reading " + what, e);
    }
    if (bytes.length > MAX_MANIFEST_BYTES) {
      throw new RegistryProtocolException(
          what + " from " + endpoint.authority() + " is larger than 4 MiB; refusing it");
    }
    Digest actual = Digest.sha256(bytes);
    verify(endpoint, what, reference, actual, response);
    return new Fetched(bytes, mediaType(bytes, response, what), actual);
  }

  private static void verify(
      RegistryEndpoint endpoint,
      String what,
      String reference,
      Digest actual,
      HttpResponse<InputStream> response)
      throws DigestMismatchException {
    Optional<Digest> expected = Optional.empty();
    if (reference.contains(":")) {
      expected = Optional.of(Digest.parse(reference));
    } else {
      Optional<String> header = response.headers().firstValue("Docker-Content-Digest");
      if (header.isPresent()) {
        try {
          Digest claimed = Digest.parse(header.get());
          expected = claimed.algorithm().equals("sha256") ? Optional.of(claimed) : expected;
        } catch (InvalidDigestException e) {
          expected = Optional.empty();
        }
      }
    }
    if (expected.isPresent() && !expected.get().equals(actual)) {
      throw new DigestMismatchException(
          what
              + " from "
              + endpoint.authority()
              + " has digest "
              + actual
              + " but "
              + expected.get()
              + " was expected; the registry or a proxy altered it. Pull again, or check "
              + RegistryMirrors.ENVIRONMENT_VARIABLE);
    }
  }

  private static String mediaType(byte[] bytes, HttpResponse<InputStream> response, String what)
      throws RegistryProtocolException {
    try {
      Optional<String> declared = ImageCodec.declaredMediaType(bytes);
      if (declared.isPresent()) {
        return declared.get();
      }
    } catch (InvalidImageDocumentException e) {
      throw new RegistryProtocolException(what + " is not valid JSON: " + e.getMessage(), e);
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    int semicolon = contentType.indexOf(';');
    return (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).trim();
  }

  static String pullScope(String repository) {
    return "repository:" + repository + ":pull";
  }
}
