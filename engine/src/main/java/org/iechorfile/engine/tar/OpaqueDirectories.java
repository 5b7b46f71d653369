package org.iechorfile.engine.tar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the opaque directories of a layer in overlay form: those whose lower-layer contents are
 * hidden (overlayfs marks them with an extended attribute, {@code trusted.overlay.opaque=y} or
 * {@code user.overlay.opaque=y}). Read with one {@code getfattr} run over the layer.
 */
public final class OpaqueDirectories {

  private OpaqueDirectories() {}

  /**
   * The opaque directories under {@code layer}, as paths relative to it with {@code /} separators
   * ({@code ""} for the layer's root).
   *
   * @throws IOException when getfattr (Debian package attr) is missing or fails
   */
  public static Set<String> under(Path layer, OverlayNamespace overlay) throws IOException {
    Path absolute = layer.toAbsolutePath().normalize();
    byte[] dump =
        NativeTool.run(
            List.of(
                "getfattr",
                "-R",
                "-P",
                "-h",
                "-d",
                "-m",
                "^" + overlay.opaqueAttribute().replace(".", "\\.") + "$",
                "-e",
                "hex",
                "--absolute-names",
                absolute.toString()),
            SpecialFiles.XATTR_PACKAGE);
    Set<String> opaque = new HashSet<>();
    XattrDump.parse(new String(dump, StandardCharsets.UTF_8))
        .forEach(
            (path, values) -> {
              byte[] value = values.get(overlay.opaqueAttribute());
              if (value != null && Arrays.equals(value, new byte[] {'y'})) {
                opaque.add(absolute.relativize(Path.of(path)).toString());
              }
            });
    return opaque;
  }
}
