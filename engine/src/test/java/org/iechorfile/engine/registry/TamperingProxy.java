package org.iechorfile.engine.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy in front of a registry that can alter what passes through: flip the last
 * byte of blob or manifest bodies, or answer 503 to the first requests. Counts requests.
 */
final class TamperingProxy implements AutoCloseable {
  private static final Set<String> HOP_HEADERS =
      Set.of("connection", "content-length", "transfer-encoding", "host", "date");

  private final HttpServer server;
  private final URI upstream;
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile boolean tamperBlobs;
  private volatile boolean tamperManifests;
  private volatile int failuresLeft;

  private TamperingProxy(HttpServer server, URI upstream) {
    this.server = server;
    this.upstream = upstream;
  }

  static TamperingProxy start(URI upstream) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    TamperingProxy proxy = new TamperingProxy(server, upstream);
    server.createContext("/", proxy::handle);
    server.start();
    return proxy;
  }

  String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  void tamperBlobs(boolean on) {
    tamperBlobs = on;
  }

  void tamperManifests(boolean on) {
    tamperManifests = on;
  }

  void failNext(int count) {
    failuresLeft = count;
  }

  int requests() {
    return requests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      if (failuresLeft > 0) {
        failuresLeft--;
        byte[] body = "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"busy\"}]}".getBytes();
        exchange.sendResponseHeaders(503, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      HttpResponse<byte[]> response = forward(exchange);
      byte[] body = response.body();
      String path = exchange.getRequestURI().getPath();
      boolean blob = path.contains("/blobs/sha256:");
      boolean manifest = path.contains("/manifests/");
      if (body.length > 0 && ((blob && tamperBlobs) || (manifest && tamperManifests))) {
        body = body.clone();
        body[body.length - 1] ^= 1;
      }
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                  exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
              });
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(
          response.statusCode(), head || body.length == 0 ? -1 : body.length);
      if (!head && body.length > 0) {
        exchange.getResponseBody().write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private HttpResponse<byte[]> forward(HttpExchange exchange)
      throws IOException, InterruptedException {
    URI target = URI.create(upstream + exchange.getRequestURI().toString());
    byte[] requestBody;
    try (InputStream in = exchange.getRequestBody()) {
      requestBody = in.readAllBytes();
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .method(
                exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(requestBody));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))
                  && !name.equalsIgnoreCase("expect")
                  && !name.equalsIgnoreCase("upgrade")) {
                values.forEach(v -> request.header(name, v));
              }
            });
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
