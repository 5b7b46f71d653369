package org.iechorfile.engine.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback HTTP server replaying canned registry and token answers; records requests. */
final class FakeServer implements AutoCloseable {

  /** A request as received. */
  record Received(String method, String uri, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse("");
    }
  }

  /** A canned answer. */
  record Answer(int status, Map<String, String> headers, byte[] body) {
    static Answer json(int status, String body) {
      return new Answer(
          status,
          Map.of("Content-Type", "application/json"),
          body.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Computes the answer to a request. */
  interface Route {
    Answer answer(Received request);
  }

  private final HttpServer server;
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  FakeServer() {
    try {
      server =
          HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  String url(String path) {
    return "http://" + host() + path;
  }

  /** Answers requests whose path is {@code path} with {@code route}. */
  FakeServer on(String path, Route route) {
    routes.put(path, route);
    return this;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  List<Received> received(String path) {
    return received.stream().filter(r -> r.uri().startsWith(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      Received request =
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().toString(),
              Map.copyOf(exchange.getRequestHeaders()),
              new String(in.readAllBytes(), StandardCharsets.UTF_8));
      received.add(request);
      Route route = routes.get(exchange.getRequestURI().getPath());
      Answer answer =
          route == null
              ? Answer.json(404, "{\"errors\":[{\"code\":\"NOT_FOUND\",\"message\":\"no route\"}]}")
              : route.answer(request);
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      boolean empty = answer.body().length == 0 || request.method().equals("HEAD");
      exchange.sendResponseHeaders(answer.status(), empty ? -1 : answer.body().length);
      if (!empty) {
        exchange.getResponseBody().write(answer.body());
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
