package org.iechorfile.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A size on the command line ({@code 2GB}, {@code 500MB}, {@code 1.5GiB}, {@code 4096}), in bytes.
 * Decimal units (kB, MB, GB, TB) count in thousands, as the sizes iechorfile prints do; binary ones
 * (KiB, MiB, GiB, TiB) in 1024s; a bare number is bytes.
 */
final class StorageSize implements ITypeConverter<Long> {

  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]i?b?|b)?", Pattern.CASE_INSENSITIVE);
  private static final Map<String, Long> UNITS =
      Map.ofEntries(
          Map.entry("", 1L),
          Map.entry("b", 1L),
          Map.entry("k", 1_000L),
          Map.entry("kb", 1_000L),
          Map.entry("m", 1_000_000L),
          Map.entry("mb", 1_000_000L),
          Map.entry("g", 1_000_000_000L),
          Map.entry("gb", 1_000_000_000L),
          Map.entry("t", 1_000_000_000_000L),
          Map.entry("tb", 1_000_000_000_000L),
          Map.entry("ki", 1L << 10),
          Map.entry("kib", 1L << 10),
          Map.entry("mi", 1L << 20),
          Map.entry("mib", 1L << 20),
          Map.entry("gi", 1L << 30),
          Map.entry("gib", 1L << 30),
          Map.entry("ti", 1L << 40),
          Map.entry("tib", 1L << 40));

  @Override
  public Long convert(String value) {
    Matcher matcher = SIZE.matcher(value.strip());
    if (!matcher.matches()) {
      throw new TypeConversionException(
          "'"
              + value
              + "' is not a size; write a number with B, kB, MB, GB or TB (or KiB, MiB, GiB,"
              + " TiB), for example 2GB");
    }
    String unit = matcher.group(2) == null ? "" : matcher.group(2).toLowerCase(Locale.ROOT);
    BigDecimal bytes =
        new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(UNITS.get(unit)));
    if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE - 1)) > 0) {
      throw new TypeConversionException("'" + value + "' is too large a size");
    }
    return bytes.longValue();
  }
}
