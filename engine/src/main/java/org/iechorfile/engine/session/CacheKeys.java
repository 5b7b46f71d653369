package org.iechorfile.engine.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.iechorfile.engine.image.Digest;

/**
 * Build-cache keys: a key names a state by its parent's key and everything the step used, so equal
 * keys mean equal states.
 */
final class CacheKeys {

  private CacheKeys() {}

  /** The key of the state {@code parts} makes from the state keyed {@code parent}. */
  static String next(String parent, List<String> parts) {
    MessageDigest digest = Digest.newSha256();
    digest.update(parent.getBytes(StandardCharsets.UTF_8));
    for (String part : parts) {
      digest.update((byte) 0);
      digest.update(Integer.toString(part.length()).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) ':');
      digest.update(part.getBytes(StandardCharsets.UTF_8));
    }
    return Digest.of("sha256", digest.digest()).hex();
  }
}
