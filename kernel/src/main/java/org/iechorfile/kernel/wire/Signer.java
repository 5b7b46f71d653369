package org.iechorfile.kernel.wire;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks Jupyter messages: the lowercase hex HMAC of the header, parent header, metadata
 * and content frames, exactly as they were received. An empty key means no signing: the signature
 * is empty and every message passes.
 *
 * <p>Thread-safe: each call uses its own {@link Mac}.
 */
public final class Signer {

  private static final HexFormat HEX = HexFormat.of();

  private final String algorithm;
  private final byte[] key;

  private Signer(String algorithm, byte[] key) {
    this.algorithm = algorithm;
    this.key = key.clone();
  }

  /**
   * A signer for {@code scheme} ({@code hmac-sha256}, as connection files name it) and {@code key}.
   *
   * @throws IllegalArgumentException when the scheme is not an HMAC this JDK offers
   */
  public static Signer of(String scheme, String key) {
    String algorithm = scheme.replace("-", "").toLowerCase(Locale.ROOT);
    if (!algorithm.startsWith("hmac")) {
      throw new IllegalArgumentException("unsupported signature scheme " + scheme);
    }
    String javaName = "Hmac" + algorithm.substring(4).toUpperCase(Locale.ROOT);
    try {
      Mac.getInstance(javaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalArgumentException(
          "unsupported signature scheme " + scheme + "; use hmac-sha256", e);
    }
    return new Signer(javaName, key.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether messages are signed at all (the key is not empty). */
  public boolean enabled() {
    return key.length > 0;
  }

  /** The signature of {@code parts} (header, parent, metadata, content), or "" without a key. */
  public String sign(List<byte[]> parts) {
    if (!enabled()) {
      return "";
    }
    return HEX.formatHex(mac(parts));
  }

  /**
   * Whether {@code signature} is the signature of {@code parts}; compares in constant time. Upper
   * and lower case hex are both accepted.
   */
  public boolean verify(String signature, List<byte[]> parts) {
    if (!enabled()) {
      return true;
    }
    byte[] expected = sign(parts).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  private byte[] mac(List<byte[]> parts) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("cannot compute " + algorithm, e);
    }
  }

  @Override
  public String toString() {
    return "Signer[" + algorithm + ", key=" + (enabled() ? "<redacted>" : "none") + "]";
  }
}
