package org.iechorfile.engine.tar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the opaque directories of a layer directory in overlay form: those whose {@code
 * trusted.overlay.opaque} or {@code user.overlay.opaque} attribute is {@code y}, meaning that the
 * layers below contribute nothing to them. Both namespaces are read, so a layer made as the real
 * root and one made in a user namespace are understood alike.
 */
public final class OpaqueDirectories {

  private static final String PATTERN = "^(trusted|user)\\.overlay\\.opaque$";

  private OpaqueDirectories() {}

  /**
   * The opaque directories below {@code layer}, as paths relative to it ({@code ""} for the layer
   * root itself), with {@code /} separators.
   *
   * @throws IOException when the attributes cannot be read (the message names the Debian package
   *     {@code attr} when {@code getfattr} is missing)
   */
  public static Set<String> in(Path layer) throws IOException {
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
                PATTERN,
                "-e",
                "hex",
                "--absolute-names",
                absolute.toString()),
            SpecialFiles.XATTR_PACKAGE);
    Set<String> opaque = new TreeSet<>();
    for (Map.Entry<String, Map<String, byte[]>> entry :
        XattrDump.parse(new String(dump, StandardCharsets.UTF_8)).entrySet()) {
      boolean marked =
          entry.getValue().values().stream().anyMatch(v -> Arrays.equals(v, new byte[] {'y'}));
      if (marked) {
        opaque.add(absolute.relativize(Path.of(entry.getKey())).toString());
      }
    }
    return opaque;
  }
}
