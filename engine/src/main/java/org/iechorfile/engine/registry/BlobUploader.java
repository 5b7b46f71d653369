package org.iechorfile.engine.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.Digest;

/**
 * Blob endpoints for pushing: {@code HEAD /v2/NAME/blobs/DIGEST}, a cross-repository mount ({@code
 * POST ...?mount=DIGEST&from=OTHER}), and a monolithic upload ({@code POST} then {@code PUT
 * ?digest=}).
 */
final class BlobUploader {
  private final RegistryTransport transport;

  BlobUploader(RegistryTransport transport) {
    this.transport = transport;
  }

  boolean exists(RegistryEndpoint endpoint, String repository, Digest digest)
      throws RegistryException, InterruptedException {
    RegistryTransport.Call call = call(endpoint, repository, "blob " + digest, Set.of(200, 404));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve("/v2/" + repository + "/blobs/" + digest))
            .method("HEAD", HttpRequest.BodyPublishers.noBody());
    HttpResponse<InputStream> response = transport.send(call, request);
    close(response);
    return response.statusCode() == 200;
  }

  /**
   * Asks the registry to mount {@code digest} from {@code fromRepository}. Returns empty when it
   * did; otherwise the upload location the registry opened instead.
   */
  Optional<URI> mount(
      RegistryEndpoint endpoint, String repository, Digest digest, String fromRepository)
      throws RegistryException, InterruptedException {
    RegistryTransport.Call call =
        new RegistryTransport.Call(
            endpoint,
            repository,
            "mount of blob " + digest + " from " + fromRepository,
            List.of(pushScope(repository), ManifestFetcher.pullScope(fromRepository)),
            Set.of(201, 202));
    String query =
        "?mount=" + digest + "&from=" + URLEncoder.encode(fromRepository, StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve("/v2/" + repository + "/blobs/uploads/" + query))
            .POST(HttpRequest.BodyPublishers.noBody());
    HttpResponse<InputStream> response = transport.send(call, request);
    close(response);
    return response.statusCode() == 201
        ? Optional.empty()
        : Optional.of(location(endpoint, response, call));
  }

  /** Opens an upload session and returns its location. */
  URI start(RegistryEndpoint endpoint, String repository, Digest digest)
      throws RegistryException, InterruptedException {
    RegistryTransport.Call call =
        call(endpoint, repository, "upload of blob " + digest, Set.of(202));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve("/v2/" + repository + "/blobs/uploads/"))
            .POST(HttpRequest.BodyPublishers.noBody());
    HttpResponse<InputStream> response = transport.send(call, request);
    close(response);
    return location(endpoint, response, call);
  }

  /** Sends the whole blob to {@code location} and completes the upload. */
  void finish(
      RegistryEndpoint endpoint,
      String repository,
      URI location,
      Descriptor blob,
      HttpRequest.BodyPublisher content)
      throws RegistryException, InterruptedException {
    RegistryTransport.Call call =
        call(endpoint, repository, "upload of blob " + blob.digest(), Set.of(201, 204));
    String sep = location.getRawQuery() == null ? "?" : "&";
    URI put = URI.create(location + sep + "digest=" + blob.digest());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(put).header("Content-Type", "application/octet-stream").PUT(content);
    close(transport.send(call, request));
  }

  private static URI location(
      RegistryEndpoint endpoint, HttpResponse<InputStream> response, RegistryTransport.Call call)
      throws RegistryProtocolException {
    String location =
        response
            .headers()
            .firstValue("Location")
            .orElseThrow(
                () ->
                    new RegistryProtocolException(
                        "registry "
                            + endpoint.authority()
                            + " gave no Location for "
                            + call.what()));
    return response.request().uri().resolve(location);
  }

  private static RegistryTransport.Call call(
      RegistryEndpoint endpoint, String repository, String what, Set<Integer> accepted) {
    return new RegistryTransport.Call(
        endpoint, repository, what, List.of(pushScope(repository)), accepted);
  }

  static String pushScope(String repository) {
    return "repository:" + repository + ":pull,push";
  }

  private static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      // Nothing was to be read from this body; a failure to close it changes nothing.
    }
  }
}
