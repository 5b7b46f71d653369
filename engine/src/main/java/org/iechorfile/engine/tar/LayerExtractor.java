package org.iechorfile.engine.tar;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.iechorfile.engine.image.Digest;

/**
 * Unpacks a layer blob (gzip, bzip2, xz or plain tar, told apart by magic bytes) into a snapshot
 * directory in overlayfs form: OCI whiteouts become overlay whiteouts and opaque directories get
 * the opaque attribute of the configured {@link OverlayNamespace}. Owners, modes (setuid, setgid,
 * sticky), modification times, hard links, symbolic links, device nodes, fifos and extended
 * attributes (PAX {@code SCHILY.xattr.*}, binary values exact, and {@code LIBARCHIVE.xattr.*}) are
 * kept.
 *
 * <p>Extraction goes to a temporary sibling of the target, renamed into place only when the whole
 * layer was applied (and matched its diff_id, when one is given). Hostile archives are refused with
 * {@link UnsafeLayerException} and leave nothing behind. Device nodes and non-{@code user.}
 * attributes need the Debian packages coreutils and attr, and root (real or in a user namespace).
 *
 * <p>Thread-safe: instances hold no state between calls. Never prints; logs through {@link
 * System.Logger}.
 */
public final class LayerExtractor {

  private static final System.Logger LOG = System.getLogger(LayerExtractor.class.getName());
  private static final String LIBARCHIVE_XATTR = "LIBARCHIVE.xattr.";

  private final OverlayNamespace overlay;

  /** An extractor writing overlay attributes in {@code overlay}'s namespace. */
  public LayerExtractor(OverlayNamespace overlay) {
    this.overlay = Objects.requireNonNull(overlay, "overlay");
  }

  /**
   * Unpacks {@code blob} into {@code target}, which must not exist or be an empty directory; its
   * parent must exist. {@code blob} is read to its end and not closed.
   *
   * @throws UnsafeLayerException when an entry would write outside the snapshot
   * @throws LayerFormatException when the blob is not a readable layer
   * @throws IOException when the file system fails, or {@code target} appeared meanwhile
   */
  public ExtractedLayer extract(InputStream blob, Path target) throws IOException {
    return extract(blob, target, Optional.empty());
  }

  /**
   * Like {@link #extract(InputStream, Path)}, and refuses the layer (keeping nothing) unless its
   * uncompressed content has the digest {@code expectedDiffId}.
   */
  public ExtractedLayer extract(InputStream blob, Path target, Digest expectedDiffId)
      throws IOException {
    return extract(blob, target, Optional.of(expectedDiffId));
  }

  private ExtractedLayer extract(InputStream blob, Path target, Optional<Digest> expectedDiffId)
      throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    checkTarget(absolute);
    Path temporary =
        Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".unpack-");
    boolean placed = false;
    try {
      ExtractedLayer layer = unpack(blob, temporary);
      if (expectedDiffId.isPresent() && !expectedDiffId.get().equals(layer.diffId())) {
        throw new LayerFormatException(
            "the layer's content has digest "
                + layer.diffId()
                + " but its image says "
                + expectedDiffId.get()
                + "; the download is corrupt or the image is inconsistent, pull it again");
      }
      Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
      placed = true;
      LOG.log(
          Level.DEBUG,
          "unpacked layer {0} ({1} entries) into {2}",
          layer.diffId(),
          layer.entries(),
          absolute);
      return layer;
    } finally {
      if (!placed) {
        DirectoryTrees.delete(temporary);
      }
    }
  }

  private static void checkTarget(Path target) throws IOException {
    if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
      throw new IOException("cannot unpack into " + target + ": its parent directory is missing");
    }
    if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      boolean emptyDirectory;
      try (var children = Files.list(target)) {
        emptyDirectory = children.findAny().isEmpty();
      } catch (IOException e) {
        emptyDirectory = false;
      }
      if (!emptyDirectory) {
        throw new IOException(
            "cannot unpack into " + target + ": it exists and is not an empty directory");
      }
    }
  }

  private ExtractedLayer unpack(InputStream blob, Path directory) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(new DigestingInputStream(blob), 65536);
    Compression compression = Compression.detect(buffered);
    try (InputStream plain = compression.decompress(buffered)) {
      DigestingInputStream tarStream = new DigestingInputStream(plain);
      SnapshotBuilder builder = new SnapshotBuilder(directory, overlay);
      int entries = 0;
      RawPaxTarInputStream tar = new RawPaxTarInputStream(tarStream);
      TarArchiveEntry entry;
      while ((entry = nextEntry(tar)) != null) {
        apply(builder, tar, entry);
        entries++;
      }
      tarStream.drain();
      builder.finish();
      return new ExtractedLayer(tarStream.digest(), tarStream.count(), entries);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new LayerFormatException(
          "the layer blob is corrupt or truncated (" + e.getMessage() + "); pull the image again",
          e);
    }
  }

  private static TarArchiveEntry nextEntry(RawPaxTarInputStream tar) throws IOException {
    try {
      return tar.nextEntry();
    } catch (LayerFormatException e) {
      throw e;
    } catch (IllegalArgumentException | IOException e) {
      throw new LayerFormatException(
          "the layer is not a valid tar archive ("
              + e.getMessage()
              + "); the blob is corrupt or not a layer, pull the image again",
          e);
    }
  }

  private void apply(SnapshotBuilder builder, RawPaxTarInputStream tar, TarArchiveEntry entry)
      throws IOException {
    EntryPath path = EntryPath.parse(entry.getName());
    EntryMetadata metadata =
        new EntryMetadata(
            (int) entry.getLongUserId(),
            (int) entry.getLongGroupId(),
            entry.getMode(),
            entry.getLastModifiedTime(),
            xattrs(entry, tar.rawXattrs()));
    if (builder.whiteout(path, metadata)) {
      return;
    }
    if (entry.isDirectory()) {
      builder.directory(path, metadata);
    } else if (entry.isSymbolicLink()) {
      builder.symlink(path, entry.getLinkName(), metadata);
    } else if (entry.isLink()) {
      builder.hardLink(path, EntryPath.parse(entry.getLinkName()));
    } else if (entry.isCharacterDevice() || entry.isBlockDevice()) {
      char type = entry.isCharacterDevice() ? 'c' : 'b';
      builder.node(path, type, entry.getDevMajor(), entry.getDevMinor(), metadata);
    } else if (entry.isFIFO()) {
      builder.node(path, 'p', 0, 0, metadata);
    } else if (entry.isFile()) {
      builder.file(path, metadata, tar);
    } else {
      throw new LayerFormatException(
          "the layer entry '" + entry.getName() + "' has an unsupported tar type");
    }
  }

  /**
   * The entry's extended attributes: {@code SCHILY.xattr.} values as the raw bytes of the PAX
   * header, {@code LIBARCHIVE.xattr.} values (base64) where bsdtar wrote those.
   */
  private static Map<String, byte[]> xattrs(TarArchiveEntry entry, Map<String, byte[]> raw) {
    Map<String, byte[]> result = new LinkedHashMap<>(raw);
    entry
        .getExtraPaxHeaders()
        .forEach(
            (key, value) -> {
              if (key.startsWith(LIBARCHIVE_XATTR)) {
                String name =
                    URLDecoder.decode(
                        key.substring(LIBARCHIVE_XATTR.length()), StandardCharsets.UTF_8);
                result.put(name, Base64.getDecoder().decode(value.trim()));
              }
            });
    return result;
  }
}
