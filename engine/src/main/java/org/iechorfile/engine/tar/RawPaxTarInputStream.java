package org.iechorfile.engine.tar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A tar reader that also keeps the raw bytes of each entry's PAX header, which the library reads
 * through {@link #read(byte[], int, int)} before it returns the entry, so that binary extended
 * attribute values survive.
 */
final class RawPaxTarInputStream extends TarArchiveInputStream {

  private static final String SCHILY_XATTR = "SCHILY.xattr.";

  private final ByteArrayOutputStream paxHeader = new ByteArrayOutputStream();
  private Map<String, byte[]> xattrs = Map.of();

  RawPaxTarInputStream(InputStream in) {
    super(in, StandardCharsets.UTF_8.name());
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    TarArchiveEntry current = getCurrentEntry();
    if (n > 0 && current != null && current.isPaxHeader()) {
      paxHeader.write(buffer, offset, n);
    }
    return n;
  }

  /** The next entry, with its raw {@code SCHILY.xattr.*} values in {@link #rawXattrs()}. */
  TarArchiveEntry nextEntry() throws IOException {
    paxHeader.reset();
    TarArchiveEntry entry = getNextEntry();
    Map<String, byte[]> found = new LinkedHashMap<>();
    PaxRecords.decode(paxHeader.toByteArray())
        .forEach(
            (key, value) -> {
              if (key.startsWith(SCHILY_XATTR)) {
                found.put(key.substring(SCHILY_XATTR.length()), value);
              }
            });
    xattrs = found;
    return entry;
  }

  /** The extended attributes of the last entry returned by {@link #nextEntry()}, exact bytes. */
  Map<String, byte[]> rawXattrs() {
    return xattrs;
  }
}
