package org.iechorfile.engine.tar;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The program {@link UserNamespaceTest} runs inside {@code unshare --user --map-root-user}: it
 * unpacks a layer with whiteouts, an opaque directory and a device node using the namespace it
 * detects, writes the result back as a layer, and prints what it found.
 */
final class UserNamespaceProbe {

  private UserNamespaceProbe() {}

  /** Argument: an empty directory to work in. */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path work = Path.of(args[0]);
    OverlayNamespace overlay = OverlayNamespace.current();
    out.println("namespace " + overlay);
    byte[] layer =
        new TarFixture()
            .dir("etc", 0755)
            .file("etc/.wh.motd", 0644, "")
            .dir("var/cache", 0755)
            .file("var/cache/.wh..wh..opq", 0644, "")
            .file("var/cache/kept", 04755, "x")
            .device("dev/null", TarConstants.LF_CHR, 1, 3)
            .put(ownedByApp(), "notes".getBytes(StandardCharsets.UTF_8))
            .tar();
    Path snapshot = work.resolve("snapshot");
    new LayerExtractor(overlay).extract(new ByteArrayInputStream(layer), snapshot);
    out.println("attributes " + SpecialFiles.readAttributes(snapshot).keySet());
    Path notes = snapshot.resolve("notes");
    out.println(
        "owner notes "
            + Files.getAttribute(notes, "unix:uid", LinkOption.NOFOLLOW_LINKS)
            + ":"
            + Files.getAttribute(notes, "unix:gid", LinkOption.NOFOLLOW_LINKS));
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    new LayerWriter(overlay).write(snapshot, tar, LayerWriteOptions.uncompressed());
    for (var entry : LayerWriterTest.entries(tar.toByteArray())) {
      out.println("entry " + entry.getName() + " " + Integer.toOctalString(entry.getMode()));
    }
  }

  /** A file owned by 1000:1000, which a namespace mapping only the user's own id cannot hold. */
  private static TarArchiveEntry ownedByApp() {
    TarArchiveEntry entry = TarFixture.entry("notes", TarConstants.LF_NORMAL, 0644);
    entry.setIds(1000, 1000);
    return entry;
  }
}
