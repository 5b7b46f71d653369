package org.iechorfile.engine.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iechorfile.engine.image.Digest;

/** {@code PUT /v2/NAME/manifests/REFERENCE}: stores a manifest or index under a tag or digest. */
final class ManifestUploader {
  private final RegistryTransport transport;

  ManifestUploader(RegistryTransport transport) {
    this.transport = transport;
  }

  Digest put(
      RegistryEndpoint endpoint,
      String repository,
      String reference,
      byte[] bytes,
      String mediaType)
      throws RegistryException, InterruptedException {
    Digest digest = Digest.sha256(bytes);
    RegistryTransport.Call call =
        new RegistryTransport.Call(
            endpoint,
            repository,
            "push of manifest " + repository + ":" + reference,
            List.of(BlobUploader.pushScope(repository)),
            Set.of(201, 200));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve("/v2/" + repository + "/manifests/" + reference))
            .header("Content-Type", mediaType)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    HttpResponse<InputStream> response = transport.send(call, request);
    try {
      response.body().close();
    } catch (IOException e) {
      // The body of a 201 is empty; nothing is lost if closing it fails.
    }
    Optional<String> stored = response.headers().firstValue("Docker-Content-Digest");
    if (stored.isPresent() && !stored.get().equals(digest.toString())) {
      throw new DigestMismatchException(
          "registry "
              + endpoint.authority()
              + " stored manifest "
              + repository
              + ":"
              + reference
              + " as "
              + stored.get()
              + " but its digest is "
              + digest
              + "; the registry or a proxy altered it");
    }
    return digest;
  }
}
