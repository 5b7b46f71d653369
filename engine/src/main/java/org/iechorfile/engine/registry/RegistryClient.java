package org.iechorfile.engine.registry;

import java.io.FileNotFoundException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.ImageConfig;
import org.iechorfile.engine.image.ImageIndex;
import org.iechorfile.engine.image.InvalidImageDocumentException;
import org.iechorfile.engine.image.Manifest;
import org.iechorfile.engine.image.MediaTypes;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.image.json.ImageCodec;

/**
 * A client of the OCI distribution API: resolves references to one platform's manifest, fetches
 * configs, downloads layers concurrently with digest checks and progress, and pushes blobs and
 * manifests. Authenticates with bearer tokens (cached per scope until they expire) or Basic
 * credentials; pulls try the configured mirrors first. Retries 5xx answers and connection failures
 * with backoff.
 *
 * <p>Thread-safe. Methods block; interrupting the calling thread cancels the operation, which then
 * throws {@link InterruptedException}. Nothing is logged above DEBUG, and no secret ever.
 */
public final class RegistryClient {
  private static final System.Logger LOG = System.getLogger(RegistryClient.class.getName());
  private static final int ATTEMPTS = 3;
  private static final Duration BACKOFF = Duration.ofMillis(200);

  private final RegistryMirrors mirrors;
  private final ManifestFetcher manifests;
  private final BlobFetcher blobs;
  private final BlobUploader uploads;
  private final ManifestUploader manifestUploads;
  private final LayerDownloads layerDownloads;

  /**
   * A client sending requests through {@code http}, which must not follow redirects itself (this
   * client follows them, dropping credentials when the host changes); see {@link
   * #defaultHttpClient()}.
   */
  public RegistryClient(
      HttpClient http, Clock clock, CredentialSource credentials, RegistryMirrors mirrors) {
    this(http, clock, credentials, mirrors, ATTEMPTS, BACKOFF);
  }

  RegistryClient(
      HttpClient http,
      Clock clock,
      CredentialSource credentials,
      RegistryMirrors mirrors,
      int attempts,
      Duration backoff) {
    RegistryTransport transport =
        new RegistryTransport(http, new Authenticator(http, clock, credentials), attempts, backoff);
    this.mirrors = mirrors;
    this.manifests = new ManifestFetcher(transport);
    this.blobs = new BlobFetcher(transport);
    this.uploads = new BlobUploader(transport);
    this.manifestUploads = new ManifestUploader(transport);
    this.layerDownloads = new LayerDownloads(blobs);
  }

  /**
   * An HTTP client suited to registries: HTTP/1.1, 30 s connect timeout, no redirects; built on its
   * first request.
   */
  public static HttpClient defaultHttpClient() {
    return new LazyHttpClient(
        () ->
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
  }

  /**
   * Resolves {@code reference} to the manifest for {@code platform}: fetches the manifest or index,
   * and for an index the entry Docker would choose. Mirrors are tried first; the next endpoint is
   * tried only when one is unreachable or fails with a server error.
   *
   * @throws ImageNotFoundException when the repository, tag or digest does not exist
   * @throws NoMatchingPlatformException when an index has no entry for {@code platform}
   * @throws UnauthorizedException when the registry refuses access
   * @throws DigestMismatchException when a manifest does not have the digest asked for
   * @throws RegistryUnreachableException when no endpoint can be reached
   */
  public ResolvedImage resolve(ImageReference reference, Platform platform)
      throws RegistryException, InterruptedException {
    RegistryException first = null;
    for (RegistryEndpoint endpoint : mirrors.pullEndpoints(reference.registry())) {
      try {
        return resolveAt(endpoint, reference, platform);
      } catch (RegistryUnreachableException | RegistryProtocolException e) {
        LOG.log(Level.DEBUG, "endpoint {0} failed: {1}", endpoint.baseUri(), e.getMessage());
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    throw first;
  }

  private ResolvedImage resolveAt(
      RegistryEndpoint endpoint, ImageReference reference, Platform platform)
      throws RegistryException, InterruptedException {
    String repository = reference.repository();
    ManifestFetcher.Fetched top =
        manifests.fetch(endpoint, repository, reference.manifestReference());
    if (MediaTypes.isIndex(top.mediaType())) {
      ImageIndex index = parse(() -> ImageCodec.parseIndex(top.bytes()), reference);
      Descriptor chosen =
          index.select(platform).orElseThrow(() -> noMatchingPlatform(reference, platform, index));
      ManifestFetcher.Fetched fetched =
          manifests.fetch(endpoint, repository, chosen.digest().toString());
      Manifest manifest = parse(() -> ImageCodec.parseManifest(fetched.bytes()), reference);
      return new ResolvedImage(
          reference.withDigest(top.digest()),
          endpoint,
          top.digest(),
          chosen,
          manifest,
          fetched.bytes(),
          Optional.of(index));
    }
    if (!MediaTypes.isManifest(top.mediaType())) {
      throw new RegistryProtocolException(
          reference
              + " is a "
              + (top.mediaType().isEmpty() ? "document without media type" : top.mediaType())
              + ", not an image manifest or index; it cannot be pulled as an image");
    }
    Manifest manifest = parse(() -> ImageCodec.parseManifest(top.bytes()), reference);
    Descriptor descriptor = Descriptor.of(manifest.mediaType(), top.digest(), top.bytes().length);
    return new ResolvedImage(
        reference.withDigest(top.digest()),
        endpoint,
        top.digest(),
        descriptor,
        manifest,
        top.bytes(),
        Optional.empty());
  }

  private static NoMatchingPlatformException noMatchingPlatform(
      ImageReference reference, Platform platform, ImageIndex index) {
    return new NoMatchingPlatformException(
        "image "
            + reference.familiar()
            + " has no variant for platform "
            + platform
            + "; it offers "
            + index.platforms()
            + ". Choose one of those platforms");
  }

  /** The raw bytes of the image config of {@code image}, digest-checked. */
  public byte[] fetchConfigBytes(ResolvedImage image)
      throws RegistryException, InterruptedException {
    return blobs.fetchBytes(
        image.endpoint(), image.reference().repository(), image.manifest().config());
  }

  /**
   * The image config of {@code image}.
   *
   * @throws RegistryProtocolException when the config is not a valid image config
   */
  public ImageConfig fetchConfig(ResolvedImage image)
      throws RegistryException, InterruptedException {
    byte[] bytes = fetchConfigBytes(image);
    return parse(() -> ImageCodec.parseConfig(bytes), image.reference());
  }

  /**
   * Downloads {@code blob} of {@code image} to {@code target}, replacing it atomically once its
   * digest is verified; a partial file never remains.
   *
   * @throws DigestMismatchException when the content does not match the descriptor
   */
  public void downloadBlob(
      ResolvedImage image, Descriptor blob, Path target, PullProgressListener progress)
      throws RegistryException, InterruptedException {
    blobs.download(image.endpoint(), image.reference().repository(), blob, target, progress);
  }

  /**
   * Downloads every layer of {@code image} to the path {@code targetFor} gives it, three at a time.
   * The first failure cancels the other downloads and is thrown.
   */
  public void downloadLayers(
      ResolvedImage image, Function<Descriptor, Path> targetFor, PullProgressListener progress)
      throws RegistryException, InterruptedException {
    layerDownloads.downloadAll(image, targetFor, progress);
  }

  /** Whether the repository of {@code target} already has blob {@code digest}. */
  public boolean blobExists(ImageReference target, Digest digest)
      throws RegistryException, InterruptedException {
    return uploads.exists(pushEndpoint(target), target.repository(), digest);
  }

  /**
   * Uploads {@code blob} with the content of {@code content} to the repository of {@code target},
   * unless it is there already. Returns whether it uploaded.
   */
  public boolean pushBlob(ImageReference target, Descriptor blob, Path content)
      throws RegistryException, InterruptedException {
    try {
      return push(target, blob, HttpRequest.BodyPublishers.ofFile(content));
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException("no blob file at " + content, e);
    }
  }

  /** Uploads {@code blob} with the content {@code content}, unless it is there already. */
  public boolean pushBlob(ImageReference target, Descriptor blob, byte[] content)
      throws RegistryException, InterruptedException {
    return push(target, blob, HttpRequest.BodyPublishers.ofByteArray(content));
  }

  private boolean push(ImageReference target, Descriptor blob, HttpRequest.BodyPublisher body)
      throws RegistryException, InterruptedException {
    RegistryEndpoint endpoint = pushEndpoint(target);
    if (uploads.exists(endpoint, target.repository(), blob.digest())) {
      return false;
    }
    URI location = uploads.start(endpoint, target.repository(), blob.digest());
    uploads.finish(endpoint, target.repository(), location, blob, body);
    return true;
  }

  /**
   * Asks the registry of {@code target} to mount {@code blob} from {@code fromRepository} in the
   * same registry, so it need not be uploaded. Returns whether it was mounted; when it was not,
   * upload it with {@link #pushBlob}.
   */
  public boolean mountBlob(ImageReference target, Descriptor blob, String fromRepository)
      throws RegistryException, InterruptedException {
    return uploads
        .mount(pushEndpoint(target), target.repository(), blob.digest(), fromRepository)
        .isEmpty();
  }

  /** Stores {@code manifest} under the tag (or digest) of {@code target}; returns its digest. */
  public Digest pushManifest(ImageReference target, Manifest manifest)
      throws RegistryException, InterruptedException {
    return pushManifest(target, ImageCodec.write(manifest), manifest.mediaType());
  }

  /** Stores {@code index} under the tag (or digest) of {@code target}; returns its digest. */
  public Digest pushIndex(ImageReference target, ImageIndex index)
      throws RegistryException, InterruptedException {
    return pushManifest(target, ImageCodec.write(index), index.mediaType());
  }

  /** Stores manifest or index {@code bytes} of {@code mediaType}; returns their digest. */
  public Digest pushManifest(ImageReference target, byte[] bytes, String mediaType)
      throws RegistryException, InterruptedException {
    String reference = target.tag().isEmpty() ? target.manifestReference() : target.tag();
    return manifestUploads.put(
        pushEndpoint(target), target.repository(), reference, bytes, mediaType);
  }

  private static RegistryEndpoint pushEndpoint(ImageReference target) {
    return RegistryMirrors.origin(target.registry());
  }

  private interface Parse<T> {
    T run() throws InvalidImageDocumentException;
  }

  private static <T> T parse(Parse<T> parse, ImageReference reference)
      throws RegistryProtocolException {
    try {
      return parse.run();
    } catch (InvalidImageDocumentException e) {
      throw new RegistryProtocolException(
          "the registry sent an invalid document for " + reference + ": " + e.getMessage(), e);
    }
  }
}
