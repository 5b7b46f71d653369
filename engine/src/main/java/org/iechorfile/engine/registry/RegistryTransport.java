package org.iechorfile.engine.registry;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sends one registry request: adds the cached Authorization for its scope, answers a 401 challenge
 * once, follows redirects (dropping Authorization when the host changes), retries with backoff on
 * 5xx, 429 and connection failures, and turns other statuses into specific exceptions. Thread-safe.
 */
final class RegistryTransport {
  private static final System.Logger LOG = System.getLogger(RegistryTransport.class.getName());
  private static final int MAX_REDIRECTS = 5;
  private static final int MAX_ERROR_BODY = 64 * 1024;

  /** One request: what it is for (in messages), its scopes, and the statuses that are success. */
  record Call(
      RegistryEndpoint endpoint,
      String repository,
      String what,
      List<String> scopes,
      Set<Integer> accepted) {}

  private final HttpClient http;
  private final Authenticator auth;
  private final int attempts;
  private final Duration backoff;

  RegistryTransport(HttpClient http, Authenticator auth, int attempts, Duration backoff) {
    this.http = http;
    this.auth = auth;
    this.attempts = attempts;
    this.backoff = backoff;
  }

  /**
   * Sends {@code request} with retries. The caller closes the body of the response it gets; error
   * bodies are read and closed here.
   */
  HttpResponse<InputStream> send(Call call, HttpRequest.Builder request)
      throws RegistryException, InterruptedException {
    RegistryException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        return sendOnce(call, request);
      } catch (RetryableException e) {
        last = e.failure;
        if (attempt < attempts) {
          long delay = backoff.toMillis() << (attempt - 1);
          LOG.log(Level.DEBUG, "retrying {0} in {1} ms: {2}", call.what(), delay, e.getMessage());
          Thread.sleep(delay);
        }
      }
    }
    throw last;
  }

  private HttpResponse<InputStream> sendOnce(Call call, HttpRequest.Builder request)
      throws RegistryException, InterruptedException, RetryableException {
    String registry = call.endpoint().authority();
    String scopeKey = String.join(" ", call.scopes());
    Optional<String> header = auth.cached(registry, scopeKey);
    HttpResponse<InputStream> response = exchange(call, request, header);
    if (response.statusCode() == 401) {
      String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
      byte[] body = readError(response);
      if (challenge.isEmpty()) {
        auth.invalidate(registry, scopeKey);
        throw unauthorized(call, body, response.statusCode());
      }
      AuthChallenge parsed;
      try {
        parsed = AuthChallenge.parse(challenge);
      } catch (IllegalArgumentException e) {
        throw new RegistryProtocolException(
            "registry " + registry + " sent a malformed WWW-Authenticate header", e);
      }
      header.ifPresent(stale -> auth.invalidate(registry, scopeKey));
      String answer = auth.respond(registry, parsed, call.scopes());
      response = exchange(call, request, Optional.of(answer));
      if (response.statusCode() == 401) {
        auth.invalidate(registry, scopeKey);
      }
    }
    return check(call, response);
  }

  private HttpResponse<InputStream> exchange(
      Call call, HttpRequest.Builder request, Optional<String> header)
      throws InterruptedException, RetryableException {
    HttpRequest.Builder copy = request.copy();
    header.ifPresent(h -> copy.setHeader("Authorization", h));
    HttpRequest built = copy.build();
    try {
      HttpResponse<InputStream> response =
          http.send(built, HttpResponse.BodyHandlers.ofInputStream());
      for (int hop = 0; isRedirect(response.statusCode()) && hop < MAX_REDIRECTS; hop++) {
        URI target = built.uri().resolve(response.headers().firstValue("Location").orElseThrow());
        response.body().close();
        built = redirected(built, target);
        response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
      }
      return response;
    } catch (IOException e) {
      throw new RetryableException(unreachable(call, e));
    }
  }

  /** The request to send after a redirect; credentials go only to the same origin. */
  private static HttpRequest redirected(HttpRequest from, URI target) {
    HttpRequest.Builder next =
        HttpRequest.newBuilder(target).method(from.method(), HttpRequest.BodyPublishers.noBody());
    boolean sameOrigin = sameOrigin(from.uri(), target);
    from.headers()
        .map()
        .forEach(
            (name, values) -> {
              if (sameOrigin || !name.equalsIgnoreCase("Authorization")) {
                values.forEach(v -> next.header(name, v));
              }
            });
    return next.build();
  }

  private HttpResponse<InputStream> check(Call call, HttpResponse<InputStream> response)
      throws RegistryException, RetryableException {
    int status = response.statusCode();
    if (call.accepted().contains(status)) {
      return response;
    }
    byte[] body = readError(response);
    String described = RegistryErrors.describe(status, body);
    String where = call.endpoint().authority() + "/" + call.repository();
    if (status == 401 || status == 403) {
      throw unauthorized(call, body, status);
    }
    if (status == 404) {
      throw new ImageNotFoundException(
          call.what()
              + " not found in "
              + where
              + " ("
              + described
              + "); check the image name and tag"
              + (call.endpoint().mirror()
                  ? " (asked mirror " + call.endpoint().baseUri() + ")"
                  : ""));
    }
    RegistryProtocolException failure =
        new RegistryProtocolException(
            "registry "
                + where
                + " failed on "
                + call.what()
                + " ("
                + described
                + ")"
                + (status >= 500 || status == 429 ? "; try again later" : ""));
    if (status >= 500 || status == 429) {
      throw new RetryableException(failure);
    }
    throw failure;
  }

  private static UnauthorizedException unauthorized(Call call, byte[] body, int status) {
    return new UnauthorizedException(
        "registry "
            + call.endpoint().authority()
            + " refused access to "
            + call.repository()
            + " for "
            + call.what()
            + " ("
            + RegistryErrors.describe(status, body)
            + "); log in: put credentials for "
            + call.endpoint().registry()
            + " in ~/.iechor/config.json or ~/.docker/config.json");
  }

  private static RegistryUnreachableException unreachable(Call call, IOException e) {
    return new RegistryUnreachableException(
        "cannot reach registry "
            + call.endpoint().authority()
            + " ("
            + reason(e)
            + "); check the address or "
            + RegistryMirrors.ENVIRONMENT_VARIABLE,
        e);
  }

  /** A short cause for messages: {@code connection refused}, {@code timed out}, the message. */
  static String reason(IOException e) {
    if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException) {
      return "timed out";
    }
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof ConnectException) {
        return "connection refused";
      }
      if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
        return "unknown host";
      }
      cause = cause.getCause();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static byte[] readError(HttpResponse<InputStream> response) {
    try (InputStream body = response.body()) {
      return body.readNBytes(MAX_ERROR_BODY);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && String.valueOf(a.getRawAuthority())
            .equalsIgnoreCase(String.valueOf(b.getRawAuthority()));
  }

  /** A failure worth another attempt; carries the exception to throw when attempts run out. */
  private static final class RetryableException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient RegistryException failure;

    RetryableException(RegistryException failure) {
      super(failure.getMessage(), failure);
      this.failure = failure;
    }
  }
}
