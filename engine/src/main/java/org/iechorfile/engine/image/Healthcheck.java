package org.iechorfile.engine.image;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code HEALTHCHECK} of an image, as Docker stores it in the config.
 *
 * @param test {@code ["NONE"]}, {@code ["CMD", args...]} or {@code ["CMD-SHELL", command]}
 * @param interval time between checks; zero for the default
 * @param timeout time a check may take; zero for the default
 * @param startPeriod grace period after start; zero for the default
 * @param startInterval time between checks during the start period; zero for the default
 * @param retries consecutive failures before unhealthy; zero for the default
 */
public record Healthcheck(
    List<String> test,
    Duration interval,
    Duration timeout,
    Duration startPeriod,
    Duration startInterval,
    int retries) {

  public Healthcheck {
    test = List.copyOf(test);
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(startPeriod, "startPeriod");
    Objects.requireNonNull(startInterval, "startInterval");
    if (retries < 0) {
      throw new IllegalArgumentException("healthcheck retries must not be negative: " + retries);
    }
  }

  /** {@code HEALTHCHECK NONE}: disables a check inherited from the base image. */
  public static Healthcheck none() {
    return new Healthcheck(
        List.of("NONE"), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);
  }
}
