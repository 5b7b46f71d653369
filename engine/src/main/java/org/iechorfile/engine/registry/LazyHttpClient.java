package org.iechorfile.engine.registry;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} built on its first use. Building one sets up TLS (the default trust store
 * and its certificates), which costs a noticeable part of a second; a REPL or kernel that never
 * talks to a registry should not pay it before its first prompt.
 */
public final class LazyHttpClient extends HttpClient {

  private final Supplier<HttpClient> factory;
  private HttpClient client;

  /** A client that {@code factory} builds when a request or a setting is first asked for. */
  public LazyHttpClient(Supplier<HttpClient> factory) {
    this.factory = Objects.requireNonNull(factory);
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client = Objects.requireNonNull(factory.get(), "the HTTP client factory returned null");
    }
    return client;
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return client().cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return client().connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return client().followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return client().proxy();
  }

  @Override
  public SSLContext sslContext() {
    return client().sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return client().sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return client().authenticator();
  }

  @Override
  public Version version() {
    return client().version();
  }

  @Override
  public Optional<Executor> executor() {
    return client().executor();
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return client().send(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return client().sendAsync(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return client().sendAsync(request, handler, pushPromiseHandler);
  }
}
