package org.iechorfile.engine.session;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The predefined proxy ARGs ({@code HTTP_PROXY}, {@code HTTPS_PROXY}, {@code FTP_PROXY}, {@code
 * NO_PROXY}, {@code ALL_PROXY} and their lower-case twins). As in BuildKit, a build arg of one of
 * these names (matched in any case) reaches RUN without an ARG instruction, in both spellings, and
 * stays out of the build-cache key and the image; an explicit ARG makes it an ordinary ARG. Like
 * buildah, the engine process's own proxy variables are passed on too, and build args override
 * them.
 */
final class ProxyArgs {

  /** The upper-case names; each also exists in lower case. */
  private static final List<String> NAMES =
      List.of("HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY");

  private ProxyArgs() {}

  /** Whether {@code name} is a predefined proxy ARG, in any case. */
  static boolean isProxy(String name) {
    return NAMES.contains(name.toUpperCase(Locale.ROOT));
  }

  /**
   * The proxy variables set in {@code environment}, under their own spelling (only the exact upper-
   * or lower-case names).
   */
  static Map<String, String> fromEnvironment(Map<String, String> environment) {
    Map<String, String> proxies = new LinkedHashMap<>();
    for (String name : NAMES) {
      for (String spelling : List.of(name, name.toLowerCase(Locale.ROOT))) {
        String value = environment.get(spelling);
        if (value != null && !value.isEmpty()) {
          proxies.put(spelling, value);
        }
      }
    }
    return proxies;
  }

  /**
   * The proxy variables a RUN gets: {@code hostProxies}, then each proxy build arg under both
   * spellings, overriding the host's.
   */
  static Map<String, String> environment(
      Map<String, String> hostProxies, Map<String, String> buildArgs) {
    Map<String, String> proxies = new LinkedHashMap<>(hostProxies);
    buildArgs.forEach(
        (name, value) -> {
          if (isProxy(name)) {
            proxies.put(name.toUpperCase(Locale.ROOT), value);
            proxies.put(name.toLowerCase(Locale.ROOT), value);
          }
        });
    return proxies;
  }

  /**
   * Adds to {@code environment} ({@code NAME=VALUE} entries) each of {@code proxies} whose name it
   * does not set yet: what the image's ENV, the ARGs in scope and secrets set wins.
   */
  static void addMissing(List<String> environment, Map<String, String> proxies) {
    Set<String> names = new HashSet<>();
    for (String entry : environment) {
      int eq = entry.indexOf('=');
      names.add(eq < 0 ? entry : entry.substring(0, eq));
    }
    proxies.forEach(
        (name, value) -> {
          if (names.add(name)) {
            environment.add(name + "=" + value);
          }
        });
  }
}
