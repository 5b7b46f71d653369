package org.iechorfile.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers registry auth challenges: fetches bearer tokens from the realm a registry names
 * (anonymously, with Basic credentials, or with an identity token), or uses Basic credentials
 * directly, and caches the result per registry and scope until it expires. Thread-safe.
 */
final class Authenticator {
  private static final System.Logger LOG = System.getLogger(Authenticator.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEFAULT_TOKEN_LIFE = Duration.ofSeconds(60);
  private static final Duration MARGIN = Duration.ofSeconds(5);

  private final HttpClient http;
  private final Clock clock;
  private final CredentialSource credentials;
  private final TokenCache cache;

  Authenticator(HttpClient http, Clock clock, CredentialSource credentials) {
    this.http = http;
    this.clock = clock;
    this.credentials = credentials;
    this.cache = new TokenCache(clock);
  }

  /** The cached header for {@code scope} on {@code registry}, if one is still valid. */
  Optional<String> cached(String registry, String scope) {
    return cache.get(registry, scope);
  }

  /** Forgets the header for {@code scope}: the registry refused it. */
  void invalidate(String registry, String scope) {
    cache.remove(registry, scope);
  }

  /**
   * The Authorization header value answering {@code challenge} for {@code scopes}.
   *
   * @throws UnauthorizedException when no credentials are configured for a Basic challenge, or the
   *     token server refuses
   */
  String respond(String registry, AuthChallenge challenge, List<String> scopes)
      throws RegistryException, InterruptedException {
    String scopeKey = String.join(" ", scopes);
    Optional<Credentials> creds = credentials.lookup(registry);
    if (challenge.isBasic()) {
      Credentials basic =
          creds.orElseThrow(
              () ->
                  new UnauthorizedException(
                      "registry "
                          + registry
                          + " requires a user name and password; add them to"
                          + " ~/.iechor/config.json or ~/.docker/config.json (auths)"));
      String header = basic.basicHeader();
      cache.put(registry, scopeKey, header, Instant.MAX);
      return header;
    }
    if (!challenge.isBearer()) {
      throw new UnauthorizedException(
          "registry " + registry + " asks for unsupported auth scheme " + challenge.scheme());
    }
    JsonNode answer = fetchToken(registry, challenge, scopes, creds);
    String token = answer.path("token").asText(answer.path("access_token").asText(""));
    if (token.isEmpty()) {
      throw new RegistryProtocolException(
          "the token server of " + registry + " answered without a token");
    }
    long seconds = answer.path("expires_in").asLong(DEFAULT_TOKEN_LIFE.toSeconds());
    Instant issued = issuedAt(answer);
    Instant expires = issued.plusSeconds(Math.max(seconds, 1)).minus(MARGIN);
    String header = "Bearer " + token;
    cache.put(registry, scopeKey, header, expires);
    LOG.log(Level.DEBUG, "token for {0} scope {1} until {2}", registry, scopeKey, expires);
    return header;
  }

  private Instant issuedAt(JsonNode answer) {
    Instant now = clock.instant();
    if (answer.path("issued_at").isTextual()) {
      try {
        Instant issued = Instant.parse(answer.get("issued_at").asText());
        return issued.isAfter(now) ? now : issued;
      } catch (DateTimeParseException e) {
        return now;
      }
    }
    return now;
  }

  private JsonNode fetchToken(
      String registry, AuthChallenge challenge, List<String> scopes, Optional<Credentials> creds)
      throws RegistryException, InterruptedException {
    URI realm = realm(registry, challenge);
    List<String> query = new ArrayList<>();
    challenge.parameter("service").ifPresent(s -> query.add("service=" + encode(s)));
    scopes.forEach(s -> query.add("scope=" + encode(s)));
    HttpRequest.Builder request;
    if (creds.isPresent() && creds.get().identityToken()) {
      query.add("grant_type=refresh_token");
      query.add("client_id=iechorfile");
      query.add("refresh_token=" + encode(creds.get().secret()));
      request =
          HttpRequest.newBuilder(realm)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(String.join("&", query)));
    } else {
      String sep = realm.getRawQuery() == null ? "?" : "&";
      request = HttpRequest.newBuilder(URI.create(realm + sep + String.join("&", query))).GET();
      creds.ifPresent(c -> request.header("Authorization", c.basicHeader()));
    }
    HttpResponse<byte[]> response = send(registry, realm, request.timeout(Duration.ofSeconds(60)));
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      String who = creds.map(c -> "the credentials of user " + c.username()).orElse("anonymous");
      throw new UnauthorizedException(
          "the token server of registry "
              + registry
              + " refused "
              + who
              + " ("
              + RegistryErrors.describe(response.statusCode(), response.body())
              + "); check the credentials in ~/.iechor/config.json or ~/.docker/config.json");
    }
    if (response.statusCode() != 200) {
      throw new RegistryProtocolException(
          "the token server of registry "
              + registry
              + " answered "
              + RegistryErrors.describe(response.statusCode(), response.body()));
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new RegistryProtocolException(
          "the token server of registry " + registry + " sent no valid JSON", e);
    }
  }

  private HttpResponse<byte[]> send(String registry, URI realm, HttpRequest.Builder request)
      throws RegistryUnreachableException, InterruptedException {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new RegistryUnreachableException(
          "cannot reach the token server "
              + realm.getRawAuthority()
              + " of registry "
              + registry
              + " ("
              + RegistryTransport.reason(e)
              + "); check the address or your network",
          e);
    }
  }

  private static URI realm(String registry, AuthChallenge challenge)
      throws RegistryProtocolException {
    String text =
        challenge
            .parameter("realm")
            .orElseThrow(
                () ->
                    new RegistryProtocolException(
                        "registry " + registry + " sent a Bearer challenge without a realm"));
    URI realm;
    try {
      realm = new URI(text);
    } catch (URISyntaxException e) {
      throw new RegistryProtocolException(
          "registry " + registry + " named a malformed token realm: " + text, e);
    }
    boolean https = "https".equalsIgnoreCase(realm.getScheme());
    boolean loopbackHttp =
        "http".equalsIgnoreCase(realm.getScheme())
            && realm.getHost() != null
            && RegistryMirrors.isLoopback(realm.getRawAuthority());
    if (!https && !loopbackHttp) {
      throw new RegistryProtocolException(
          "registry "
              + registry
              + " named token realm "
              + text
              + ", which is neither HTTPS nor on this machine; refusing to send credentials there");
    }
    return realm;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
