package org.iechorfile.engine.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.iechorfile.engine.image.Digest;

/**
 * The cache-key parts of what a COPY or ADD copies: one part per entry, {@code file PATH=DIGEST},
 * where the digest covers the entry's kind, mode, owner, link target, content and destination. A
 * changed file therefore changes exactly its own part, so a cache miss can name it. Modification
 * times are left out, as in BuildKit: touching a file does not re-run the step.
 */
final class SourceDigests {

  /** The prefix of the parts this class makes. */
  static final String PREFIX = "file ";

  private SourceDigests() {}

  /** The parts for {@code items}, named {@code label + path}. */
  static List<String> parts(String label, List<CopySources.Item> items) throws IOException {
    List<String> parts = new ArrayList<>(items.size());
    for (CopySources.Item item : items) {
      parts.add(PREFIX + label + item.entry().path() + "=" + digest(item));
    }
    return parts;
  }

  private static String digest(CopySources.Item item) throws IOException {
    SourceTree.Entry entry = item.entry();
    MessageDigest digest = Digest.newSha256();
    String header =
        entry.type()
            + " "
            + Integer.toOctalString(entry.mode())
            + " "
            + entry.uid()
            + ":"
            + entry.gid()
            + " "
            + entry.linkTarget()
            + " -> "
            + item.destination()
            + "\n";
    digest.update(header.getBytes(StandardCharsets.UTF_8));
    if (entry.type() == SourceTree.Type.FILE) {
      byte[] buffer = new byte[65536];
      try (InputStream in = Files.newInputStream(entry.file())) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          digest.update(buffer, 0, n);
        }
      }
    }
    return Digest.of("sha256", digest.digest()).hex();
  }
}
