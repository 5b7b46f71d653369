package org.iechorfile.engine.tar;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a directory in overlayfs form (an upper directory) as a reproducible layer tar: entries in
 * sorted order, owners as numbers only, modification times in whole seconds (optionally clamped),
 * overlay whiteouts and opaque directories turned back into OCI {@code .wh.} entries, hard links
 * found by inode, extended attributes as PAX records. The diff_id, the blob digest and both sizes
 * come out of the same pass.
 *
 * <p>Extended attributes are read with {@code getfattr} (Debian package attr). Values that are
 * valid UTF-8 are written as {@code SCHILY.xattr.NAME}; binary ones (e.g. {@code
 * security.capability}) as {@code LIBARCHIVE.xattr.NAME} in base64, because the tar library stores
 * PAX values as text.
 *
 * <p>Thread-safe: instances hold no state between calls. Never closes the caller's stream.
 */
public final class LayerWriter {

  private static final System.Logger LOG = System.getLogger(LayerWriter.class.getName());
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private static final String SCHILY_XATTR = "SCHILY.xattr.";
  private static final String ATTRIBUTES =
      "unix:mode,uid,gid,ino,dev,nlink,rdev,size,lastModifiedTime";
  private static final int S_IFMT = 0170000;
  private static final int S_IFDIR = 0040000;
  private static final int S_IFREG = 0100000;
  private static final int S_IFLNK = 0120000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFIFO = 0010000;

  private final OverlayNamespace overlay;

  /** A writer reading overlay attributes from {@code overlay}'s namespace. */
  public LayerWriter(OverlayNamespace overlay) {
    this.overlay = Objects.requireNonNull(overlay, "overlay");
  }

  /**
   * Writes {@code directory} as a layer to {@code out}, which stays open (it is flushed).
   *
   * @throws IOException when the directory cannot be read or the stream fails
   */
  public WrittenLayer write(Path directory, OutputStream out, LayerWriteOptions options)
      throws IOException {
    Map<Path, Map<String, byte[]>> xattrs = SpecialFiles.readAttributes(directory);
    DigestingOutputStream compressed = new DigestingOutputStream(out);
    GZIPOutputStream gzip = options.gzip() ? new GZIPOutputStream(compressed, 65536) : null;
    DigestingOutputStream uncompressed =
        new DigestingOutputStream(gzip == null ? compressed : gzip);
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(uncompressed, StandardCharsets.UTF_8.name())) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
      tar.setAddPaxHeadersForNonAsciiNames(true);
      new Walk(directory, tar, xattrs, options.clampSeconds()).children(directory, "");
      tar.finish();
    }
    if (gzip != null) {
      gzip.close();
    }
    compressed.close();
    return new WrittenLayer(
        uncompressed.digest(), uncompressed.count(), compressed.digest(), compressed.count());
  }

  /** One traversal: the state that hard-link detection and the tar stream need. */
  private final class Walk {
    private final Path root;
    private final TarArchiveOutputStream tar;
    private final Map<Path, Map<String, byte[]>> xattrs;
    private final long clamp;
    private final Map<String, String> firstLinkByInode = new HashMap<>();
    private final Map<TarArchiveEntry, Map<String, byte[]>> binaryXattrs = new IdentityHashMap<>();

    Walk(Path root, TarArchiveOutputStream tar, Map<Path, Map<String, byte[]>> xattrs, long clamp) {
      this.root = root;
      this.tar = tar;
      this.xattrs = xattrs;
      this.clamp = clamp;
    }

    void children(Path directory, String prefix) throws IOException {
      Map<String, byte[]> rootXattrs = xattrs.getOrDefault(root.relativize(directory), Map.of());
      if (prefix.isEmpty() && isOpaque(rootXattrs)) {
        Map<String, Object> attributes = Files.readAttributes(directory, ATTRIBUTES, NOFOLLOW);
        putEmpty(".wh..wh..opq", attributes);
      }
      List<String> names = new ArrayList<>();
      try (Stream<Path> list = Files.list(directory)) {
        list.forEach(child -> names.add(child.getFileName().toString()));
      }
      names.sort(null);
      for (String name : names) {
        entry(directory.resolve(name), prefix + name);
      }
    }

    private void entry(Path path, String name) throws IOException {
      Map<String, Object> attributes = Files.readAttributes(path, ATTRIBUTES, NOFOLLOW);
      int mode = (Integer) attributes.get("mode");
      int type = mode & S_IFMT;
      Map<String, byte[]> own = xattrs.getOrDefault(root.relativize(path), Map.of());
      if (Whiteouts.isWhiteout(attributes)) {
        int slash = name.lastIndexOf('/');
        putEmpty(name.substring(0, slash + 1) + ".wh." + name.substring(slash + 1), attributes);
        return;
      }
      if (type == S_IFDIR) {
        put(describe(name + "/", TarConstants.LF_DIR, attributes, own), path);
        if (isOpaque(own)) {
          putEmpty(name + "/.wh..wh..opq", attributes);
        }
        children(path, name + "/");
        return;
      }
      String inode = attributes.get("dev") + ":" + attributes.get("ino");
      if (type != S_IFLNK && (Integer) attributes.get("nlink") > 1) {
        String first = firstLinkByInode.putIfAbsent(inode, name);
        if (first != null) {
          TarArchiveEntry link = describe(name, TarConstants.LF_LINK, attributes, Map.of());
          link.setLinkName(first);
          put(link, path);
          return;
        }
      }
      putTyped(path, name, type, attributes, own);
    }

    private void putTyped(
        Path path, String name, int type, Map<String, Object> attributes, Map<String, byte[]> own)
        throws IOException {
      switch (type) {
        case S_IFREG -> put(describe(name, TarConstants.LF_NORMAL, attributes, own), path);
        case S_IFLNK -> {
          TarArchiveEntry link = describe(name, TarConstants.LF_SYMLINK, attributes, own);
          link.setLinkName(Files.readSymbolicLink(path).toString());
          put(link, path);
        }
        case S_IFCHR, S_IFBLK -> {
          byte flag = type == S_IFCHR ? TarConstants.LF_CHR : TarConstants.LF_BLK;
          TarArchiveEntry device = describe(name, flag, attributes, own);
          long rdev = (Long) attributes.get("rdev");
          device.setDevMajor((int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL)));
          device.setDevMinor((int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL)));
          put(device, path);
        }
        case S_IFIFO -> put(describe(name, TarConstants.LF_FIFO, attributes, own), path);
        default -> LOG.log(Level.DEBUG, "skipping {0}: sockets cannot be stored in a layer", name);
      }
    }

    private boolean isOpaque(Map<String, byte[]> own) {
      byte[] value = own.get(overlay.opaqueAttribute());
      return value != null && Arrays.equals(value, new byte[] {'y'});
    }

    private void putEmpty(String name, Map<String, Object> attributes) throws IOException {
      TarArchiveEntry entry = describe(name, TarConstants.LF_NORMAL, attributes, Map.of());
      entry.setMode(0);
      entry.setSize(0);
      tar.putArchiveEntry(entry);
      tar.closeArchiveEntry();
    }

    private TarArchiveEntry describe(
        String name, byte flag, Map<String, Object> attributes, Map<String, byte[]> own) {
      TarArchiveEntry entry = new TarArchiveEntry(name, flag, false);
      entry.setMode((Integer) attributes.get("mode") & 07777);
      entry.setUserId((Integer) attributes.get("uid"));
      entry.setGroupId((Integer) attributes.get("gid"));
      entry.setUserName("");
      entry.setGroupName("");
      long seconds = ((FileTime) attributes.get("lastModifiedTime")).to(TimeUnit.SECONDS);
      entry.setLastModifiedTime(FileTime.from(Math.min(seconds, clamp), TimeUnit.SECONDS));
      if (flag == TarConstants.LF_NORMAL) {
        entry.setSize((Long) attributes.get("size"));
      }
      Map<String, byte[]> exported = new TreeMap<>();
      own.forEach(
          (xattr, value) -> {
            if (!overlay.isOverlayAttribute(xattr)) {
              exported.put(xattr, value);
            }
          });
      if (exported.values().stream().allMatch(LayerWriter::isUtf8)) {
        exported.forEach(
            (xattr, value) ->
                entry.addPaxHeader(
                    SCHILY_XATTR + xattr, new String(value, StandardCharsets.UTF_8)));
      } else {
        binaryXattrs.put(entry, exported);
      }
      return entry;
    }

    private void put(TarArchiveEntry entry, Path path) throws IOException {
      Map<String, byte[]> binary = binaryXattrs.remove(entry);
      if (binary != null) {
        putRawPaxHeader(tar, entry, binary);
      }
      tar.putArchiveEntry(entry);
      if (entry.isFile() && !entry.isLink() && entry.getSize() > 0) {
        Files.copy(path, tar);
      }
      tar.closeArchiveEntry();
    }
  }

  /**
   * Writes the PAX header of {@code entry} by hand, because the tar library can only write text
   * values: it carries the path, link target and every extended attribute as raw bytes. The entry
   * itself then gets a short ASCII name so that the library adds no second header.
   */
  private static void putRawPaxHeader(
      TarArchiveOutputStream tar, TarArchiveEntry entry, Map<String, byte[]> xattrs)
      throws IOException {
    Map<String, byte[]> records = new LinkedHashMap<>();
    records.put("path", entry.getName().getBytes(StandardCharsets.UTF_8));
    if (!entry.getLinkName().isEmpty()) {
      records.put("linkpath", entry.getLinkName().getBytes(StandardCharsets.UTF_8));
    }
    xattrs.forEach((name, value) -> records.put(SCHILY_XATTR + name, value));
    byte[] body = PaxRecords.encode(records);
    TarArchiveEntry header =
        new TarArchiveEntry(
            "PaxHeaders/" + shortAscii(entry.getName(), 80),
            TarConstants.LF_PAX_EXTENDED_HEADER_LC,
            true);
    header.setSize(body.length);
    header.setMode(0644);
    header.setUserName("");
    header.setGroupName("");
    header.setLastModifiedTime(entry.getLastModifiedTime());
    tar.putArchiveEntry(header);
    tar.write(body);
    tar.closeArchiveEntry();
    entry.setName(shortAscii(entry.getName(), 99));
    if (!entry.getLinkName().isEmpty()) {
      entry.setLinkName(shortAscii(entry.getLinkName(), 99));
    }
  }

  /** The last {@code limit} characters of {@code name}, non-ASCII ones replaced by {@code _}. */
  private static String shortAscii(String name, int limit) {
    StringBuilder ascii = new StringBuilder();
    name.chars().forEach(c -> ascii.append(c < 0x20 || c > 0x7e ? '_' : (char) c));
    return ascii.length() <= limit ? ascii.toString() : ascii.substring(ascii.length() - limit);
  }

  private static boolean isUtf8(byte[] value) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
