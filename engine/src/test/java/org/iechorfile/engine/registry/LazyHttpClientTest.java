package org.iechorfile.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyHttpClientTest {

  @Test
  void construct_noUse_buildsNothing() {
    AtomicInteger built = new AtomicInteger();
    new LazyHttpClient(
        () -> {
          built.incrementAndGet();
          return HttpClient.newHttpClient();
        });
    assertEquals(0, built.get());
  }

  @Test
  void settings_askedTwice_buildsOnceWithTheFactorysSettings() {
    AtomicInteger built = new AtomicInteger();
    HttpClient client =
        new LazyHttpClient(
            () -> {
              built.incrementAndGet();
              return HttpClient.newBuilder()
                  .connectTimeout(Duration.ofSeconds(7))
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build();
            });
    assertEquals(Optional.of(Duration.ofSeconds(7)), client.connectTimeout());
    assertEquals(HttpClient.Redirect.NEVER, client.followRedirects());
    assertEquals(1, built.get());
  }
}
