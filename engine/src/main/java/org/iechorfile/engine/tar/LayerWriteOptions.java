package org.iechorfile.engine.tar;

import java.time.Instant;

/**
 * How {@link LayerWriter} writes a layer.
 *
 * @param gzip whether to gzip the tar stream
 * @param mtimeClamp modification times later than this are written as this ({@code
 *     SOURCE_DATE_EPOCH}); {@link Instant#MAX} keeps every time as it is
 */
public record LayerWriteOptions(boolean gzip, Instant mtimeClamp) {

  public LayerWriteOptions {
    java.util.Objects.requireNonNull(mtimeClamp, "mtimeClamp");
  }

  /** A plain tar, times kept. */
  public static LayerWriteOptions uncompressed() {
    return new LayerWriteOptions(false, Instant.MAX);
  }

  /** A gzipped tar, times kept. */
  public static LayerWriteOptions gzipped() {
    return new LayerWriteOptions(true, Instant.MAX);
  }

  /** These options with modification times clamped to {@code epoch}. */
  public LayerWriteOptions withMtimeClamp(Instant epoch) {
    return new LayerWriteOptions(gzip, epoch);
  }

  long clampSeconds() {
    return mtimeClamp.equals(Instant.MAX) ? Long.MAX_VALUE : mtimeClamp.getEpochSecond();
  }
}
