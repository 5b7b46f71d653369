package org.iechorfile.engine.image;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A content digest as OCI writes it: {@code sha256:} followed by 64 lower-case hex digits. Only
 * sha256 and sha512 are accepted; the value is validated when the digest is made.
 *
 * @param algorithm {@code sha256} or {@code sha512}
 * @param hex the lower-case hex encoding of the hash
 */
public record Digest(String algorithm, String hex) {

  private static final Pattern SHA256 = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern SHA512 = Pattern.compile("[a-f0-9]{128}");

  public Digest {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(hex, "hex");
    Pattern pattern =
        switch (algorithm) {
          case "sha256" -> SHA256;
          case "sha512" -> SHA512;
          default -> throw new InvalidDigestException("unsupported digest algorithm: " + algorithm);
        };
    if (!pattern.matcher(hex).matches()) {
      throw new InvalidDigestException("malformed " + algorithm + " digest: " + hex);
    }
  }

  /**
   * Parses {@code algorithm:hex}.
   *
   * @throws InvalidDigestException when the text is not a well-formed sha256 or sha512 digest
   */
  public static Digest parse(String text) {
    Objects.requireNonNull(text, "text");
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new InvalidDigestException("not a digest (expected sha256:<hex>): " + text);
    }
    return new Digest(text.substring(0, colon), text.substring(colon + 1));
  }

  /** The sha256 digest of {@code bytes}. */
  public static Digest sha256(byte[] bytes) {
    return new Digest("sha256", HexFormat.of().formatHex(newSha256().digest(bytes)));
  }

  /** The sha256 digest of the UTF-8 encoding of {@code text}. */
  public static Digest sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The digest of a finished {@link MessageDigest} computation of {@code algorithm}. */
  public static Digest of(String algorithm, byte[] hash) {
    return new Digest(algorithm, HexFormat.of().formatHex(hash));
  }

  /** A fresh sha256 {@link MessageDigest}, for streaming. */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /** A fresh {@link MessageDigest} for this digest's algorithm, to verify content against it. */
  public MessageDigest newMessageDigest() {
    try {
      return MessageDigest.getInstance(algorithm.equals("sha256") ? "SHA-256" : "SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  /** The first 12 hex digits, as {@code docker images} shows them. */
  public String shortHex() {
    return hex.substring(0, 12);
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }
}
