package org.iechorfile.engine.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Docker token server on loopback for {@code docker-registry}'s token auth: answers {@code GET
 * /token?service=&scope=} with an RS256 JWT whose {@code x5c} header carries a self-signed
 * certificate (made with the JDK's keytool) that the registry trusts as its root. Anonymous
 * requests get pull access; requests with the configured Basic credentials get what they ask for;
 * wrong credentials get 401. Records every request's scopes.
 */
public final class TokenServer implements AutoCloseable {
  /** The service name the registry is configured with. */
  public static final String SERVICE = "test-registry";

  /** The issuer the registry is configured to trust. */
  public static final String ISSUER = "test-token-issuer";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final char[] STORE_PASSWORD = "changeit".toCharArray();

  private final HttpServer server;
  private final PrivateKey key;
  private final byte[] certificateDer;
  private final Path certificatePem;
  private final String username;
  private final String password;
  private final List<List<String>> requests = new CopyOnWriteArrayList<>();

  private TokenServer(
      HttpServer server,
      PrivateKey key,
      byte[] certificateDer,
      Path certificatePem,
      String username,
      String password) {
    this.server = server;
    this.key = key;
    this.certificateDer = certificateDer;
    this.certificatePem = certificatePem;
    this.username = username;
    this.password = password;
  }

  /** Makes a key and certificate in {@code directory} and starts serving on a free port. */
  public static TokenServer start(Path directory, String username, String password)
      throws IOException, InterruptedException {
    Files.createDirectories(directory);
    Path store = directory.resolve("token.p12");
    Path pem = directory.resolve("token.pem");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    ExternalTools.run(
        List.of(
            keytool,
            "-genkeypair",
            "-alias",
            "token",
            "-keyalg",
            "RSA",
            "-keysize",
            "2048",
            "-dname",
            "CN=" + ISSUER,
            "-validity",
            "3650",
            "-storetype",
            "PKCS12",
            "-keystore",
            store.toString(),
            "-storepass",
            new String(STORE_PASSWORD)));
    Files.writeString(
        pem,
        ExternalTools.run(
            List.of(
                keytool,
                "-exportcert",
                "-rfc",
                "-alias",
                "token",
                "-keystore",
                store.toString(),
                "-storepass",
                new String(STORE_PASSWORD))));
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(in, STORE_PASSWORD);
      PrivateKey key = (PrivateKey) keyStore.getKey("token", STORE_PASSWORD);
      Certificate certificate = keyStore.getCertificate("token");
      HttpServer server =
          HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
      TokenServer tokens =
          new TokenServer(server, key, certificate.getEncoded(), pem, username, password);
      server.createContext("/token", tokens::handle);
      server.start();
      return tokens;
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("cannot load the token signing key", e);
    }
  }

  /** The realm URL the registry sends clients to. */
  public URI realm() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  /** The PEM certificate the registry trusts. */
  public Path certificate() {
    return certificatePem;
  }

  /** The scopes of every token request so far, in order. */
  public List<List<String>> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
      List<String> scopes = query.getOrDefault("scope", List.of());
      requests.add(scopes);
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      boolean authenticated = false;
      if (authorization != null) {
        String expected =
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        if (!authorization.equals(expected)) {
          send(exchange, 401, "{\"details\":\"incorrect username or password\"}");
          return;
        }
        authenticated = true;
      }
      send(
          exchange,
          200,
          JSON.writeValueAsString(
              Map.of(
                  "token",
                  token(scopes, authenticated),
                  "expires_in",
                  300,
                  "issued_at",
                  Instant.now().toString())));
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("cannot sign a token", e);
    }
  }

  private String token(List<String> scopes, boolean authenticated)
      throws IOException, java.security.GeneralSecurityException {
    List<Map<String, Object>> access = new ArrayList<>();
    for (String scope : scopes) {
      String[] parts = scope.split(":");
      if (parts.length != 3) {
        continue;
      }
      List<String> actions = new ArrayList<>();
      for (String action : parts[2].split(",")) {
        if (authenticated || action.equals("pull")) {
          actions.add(action);
        }
      }
      access.add(Map.of("type", parts[0], "name", parts[1], "actions", actions));
    }
    long now = Instant.now().getEpochSecond();
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("typ", "JWT");
    header.put("alg", "RS256");
    header.put("x5c", List.of(Base64.getEncoder().encodeToString(certificateDer)));
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("sub", authenticated ? username : "");
    claims.put("aud", SERVICE);
    claims.put("exp", now + 300);
    claims.put("nbf", now - 10);
    claims.put("iat", now);
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("access", access);
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String signingInput =
        url.encodeToString(JSON.writeValueAsBytes(header))
            + "."
            + url.encodeToString(JSON.writeValueAsBytes(claims));
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(key);
    signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + url.encodeToString(signature.sign());
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
