package org.iechorfile.engine.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One challenge from a {@code WWW-Authenticate} header, such as {@code Bearer
 * realm="https://auth.example/token",service="registry.example",scope="repository:a:pull"}.
 *
 * @param scheme the scheme in lower case: {@code bearer} or {@code basic}
 * @param parameters the auth parameters by lower-case name, unquoted
 */
public record AuthChallenge(String scheme, Map<String, String> parameters) {

  public AuthChallenge {
    Objects.requireNonNull(scheme, "scheme");
    parameters = Map.copyOf(parameters);
  }

  /**
   * Parses a header value. Quoted values may hold commas and backslash escapes.
   *
   * @throws IllegalArgumentException when the value has no scheme
   */
  public static AuthChallenge parse(String header) {
    String text = header.trim();
    int space = text.indexOf(' ');
    String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
    if (scheme.isEmpty() || scheme.contains("=")) {
      throw new IllegalArgumentException("WWW-Authenticate has no scheme: " + header);
    }
    Map<String, String> params = new LinkedHashMap<>();
    int i = space < 0 ? text.length() : space + 1;
    while (i < text.length()) {
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
        i++;
      }
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String name = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      StringBuilder value = new StringBuilder();
      i = eq + 1;
      if (i < text.length() && text.charAt(i) == '"') {
        i++;
        while (i < text.length() && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < text.length()) {
            i++;
          }
          value.append(text.charAt(i++));
        }
        i++;
      } else {
        while (i < text.length() && text.charAt(i) != ',') {
          value.append(text.charAt(i++));
        }
      }
      params.put(name, value.toString().trim());
    }
    return new AuthChallenge(scheme, params);
  }

  /** Whether this is a bearer (token) challenge. */
  public boolean isBearer() {
    return scheme.equals("bearer");
  }

  /** Whether this is a basic challenge. */
  public boolean isBasic() {
    return scheme.equals("basic");
  }

  /** The parameter {@code name} (lower case), when present. */
  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name));
  }
}
