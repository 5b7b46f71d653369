package org.iechorfile.engine.session;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.spi.Sandbox;

/**
 * What a {@link Session.Builder} was given, checked and copied.
 *
 * @param home the store directory
 * @param sandbox runs RUN steps
 * @param images finds base images for FROM
 * @param clock the clock for step times and durations
 * @param platform the platform of images built
 * @param context the build context directory, if any
 * @param secrets the secrets RUN may mount, by id
 * @param buildArgs the build arguments, in the order they were set
 * @param proxies the host's proxy variables passed on to RUN
 * @param cache whether steps use the build cache
 */
record SessionSetup(
    Path home,
    Sandbox sandbox,
    BaseImages images,
    Clock clock,
    Platform platform,
    Optional<Path> context,
    Map<String, SecretSource> secrets,
    Map<String, String> buildArgs,
    Map<String, String> proxies,
    boolean cache) {}
