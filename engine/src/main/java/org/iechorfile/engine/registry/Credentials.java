package org.iechorfile.engine.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A user name and secret for one registry. The secret is a password, or an identity (refresh) token
 * when {@code identityToken} is set, as Docker's credential helpers return with the user name
 * {@code <token>}. {@code toString} never shows the secret.
 *
 * @param username the user name; {@code <token>} for identity tokens
 * @param secret the password or identity token
 * @param identityToken whether the secret is an OAuth2 refresh token rather than a password
 */
public record Credentials(String username, String secret, boolean identityToken) {

  public Credentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(secret, "secret");
  }

  /** A user name and password. */
  public static Credentials password(String username, String password) {
    return new Credentials(username, password, false);
  }

  /** The value of an HTTP {@code Authorization: Basic} header for these credentials. */
  public String basicHeader() {
    String pair = username + ":" + secret;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", secret=<redacted>]";
  }
}
