package org.iechorfile.engine.tar;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the opaque directories of a layer in overlay form: those whose lower-layer contents are
 * hidden (overlayfs marks them with an extended attribute, {@code trusted.overlay.opaque=y} or
 * {@code user.overlay.opaque=y}). Read with one {@code getfattr} run over the layer.
 */
public final class OpaqueDirectories {

  private static final String BOTH_NAMESPACES = "^(trusted|user)\\.overlay\\.opaque$";

  private OpaqueDirectories() {}

  /**
   * The opaque directories under {@code layer} marked in the given namespace, as paths relative to
   * it with {@code /} separators ({@code ""} for the layer's root).
   *
   * @throws IOException when getfattr (Debian package attr) is missing or fails
   */
  public static Set<String> under(Path layer, OverlayNamespace overlay) throws IOException {
    String attribute = overlay.opaqueAttribute();
    return find(layer, "^" + attribute.replace(".", "\\.") + "$", Set.of(attribute));
  }

  /**
   * The opaque directories below {@code layer} marked in either namespace, so that a layer made as
   * the real root and one made in a user namespace are understood alike; paths as in {@link
   * #under}.
   *
   * @throws IOException when getfattr (Debian package attr) is missing or fails
   */
  public static Set<String> in(Path layer) throws IOException {
    return find(
        layer,
        BOTH_NAMESPACES,
        Set.of(
            OverlayNamespace.TRUSTED.opaqueAttribute(), OverlayNamespace.USER.opaqueAttribute()));
  }

  private static Set<String> find(Path layer, String pattern, Set<String> attributes)
      throws IOException {
    Set<String> opaque = new TreeSet<>();
    for (Map.Entry<Path, Map<String, byte[]>> entry :
        SpecialFiles.readAttributes(layer, pattern).entrySet()) {
      boolean marked =
          entry.getValue().entrySet().stream()
              .anyMatch(
                  e ->
                      attributes.contains(e.getKey())
                          && Arrays.equals(e.getValue(), new byte[] {'y'}));
      if (marked) {
        opaque.add(entry.getKey().toString());
      }
    }
    return opaque;
  }
}
