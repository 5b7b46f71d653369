package org.iechorfile.engine.instruction;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one {@code RUN --mount} value into a {@link MountSpec} with BuildKit's rules: keys are
 * case-insensitive, later keys override earlier ones, {@code required}, {@code size}, {@code
 * sharing}, {@code mode}, {@code uid} and {@code gid} are checked against the type given so far,
 * and the structure is checked once all keys are read.
 */
final class MountParser {

  /** Expands one value; {@code from} values are handed over too, to be refused if they vary. */
  interface ValueExpansion {
    String expand(String key, String value) throws InstructionException;
  }

  private static final Pattern SIZE =
      Pattern.compile("^(\\d+(\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");
  private static final Pattern VARIABLE = Pattern.compile("\\$.");
  private static final List<String> TYPES = List.of("bind", "cache", "tmpfs", "secret", "ssh");
  private static final List<String> SHARING = List.of("shared", "private", "locked");
  private static final List<String> KEYS =
      List.of(
          "type",
          "from",
          "source",
          "target",
          "readonly",
          "id",
          "sharing",
          "required",
          "mode",
          "uid",
          "gid",
          "src",
          "dst",
          "destination",
          "ro",
          "rw",
          "readwrite",
          "size",
          "env");

  private MountParser() {}

  /**
   * Reads {@code csv} as written, before expansion: a value holding a variable is kept as written
   * and checked only after expansion (a variable type defers the type-dependent checks too); {@code
   * from} must not hold one.
   */
  static MountSpec parse(String csv) throws InstructionException {
    return parse(csv, null);
  }

  /** Reads {@code csv}, expanding each value but {@code from} before checking it. */
  static MountSpec parse(String csv, ValueExpansion expansion) throws InstructionException {
    Draft m = new Draft();
    for (String field : CsvFields.split(csv, "mounts")) {
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (eq < 0) {
        bare(m, key, field, csv);
        continue;
      }
      String value = field.substring(eq + 1);
      if (key.equals("from") && VARIABLE.matcher(value).find()) {
        throw new InstructionException(
            "'from' doesn't support variable expansion, define alias stage instead", csv);
      }
      if (expansion != null && !key.equals("from")) {
        keyed(m, key, expansion.expand(key, value), field, csv);
      } else if (expansion == null && SourceChecks.hasVariable(value)) {
        deferred(m, key, value, field, csv);
      } else {
        keyed(m, key, value, field, csv);
      }
    }
    return m.finish(csv);
  }

  /** A value that holds a variable, before expansion: kept as written, checked later. */
  private static void deferred(Draft m, String key, String value, String field, String csv)
      throws InstructionException {
    switch (key) {
      case "type":
        m.typeDeferred = true;
        break;
      case "readonly":
      case "ro":
      case "readwrite":
      case "rw":
      case "required":
      case "sharing":
        break;
      case "size":
        requireType(m, key, csv, MountType.TMPFS);
        keyedRaw(m, key, value);
        break;
      case "mode":
      case "uid":
      case "gid":
        keyedRaw(m, key, value);
        break;
      default:
        keyed(m, key, value, field, csv);
    }
  }

  private static void keyedRaw(Draft m, String key, String value) {
    Optional<String> raw = Optional.of(value);
    switch (key) {
      case "mode":
        m.mode = raw;
        break;
      case "uid":
        m.uid = raw;
        break;
      case "gid":
        m.gid = raw;
        break;
      default:
        m.size = raw;
    }
  }

  private static void bare(Draft m, String key, String field, String csv)
      throws InstructionException {
    switch (key) {
      case "readonly":
      case "ro":
        m.readOnly = Optional.of(true);
        break;
      case "readwrite":
      case "rw":
        m.readOnly = Optional.of(false);
        break;
      case "required":
        m.required = true;
        requireType(m, key, csv, MountType.SECRET, MountType.SSH);
        break;
      default:
        throw new InstructionException(
            "invalid field '" + field + "' must be a key=value pair", csv);
    }
  }

  // One case per key of the mount syntax; splitting it would only scatter the table.
  private static void keyed(Draft m, String key, String value, String field, String csv)
      throws InstructionException {
    switch (key) {
      case "type":
        m.type = type(value, csv);
        break;
      case "from":
        m.from = value;
        break;
      case "source":
      case "src":
        m.source = value;
        break;
      case "target":
      case "dst":
      case "destination":
        m.target = value;
        break;
      case "readonly":
      case "ro":
        m.readOnly = Optional.of(bool(key, value, csv));
        break;
      case "readwrite":
      case "rw":
        m.readOnly = Optional.of(!bool(key, value, csv));
        break;
      case "required":
        requireType(m, key, csv, MountType.SECRET, MountType.SSH);
        m.required = bool(key, value, csv);
        break;
      case "size":
        requireType(m, key, csv, MountType.TMPFS);
        if (!SIZE.matcher(value).matches()) {
          throw new InstructionException("invalid value for size: " + value, csv);
        }
        m.size = Optional.of(value);
        break;
      case "id":
        m.id = value;
        break;
      case "sharing":
        m.sharing = Optional.of(sharing(value, csv));
        break;
      case "mode":
        m.mode = Optional.of(number(value, 8, "mode", csv));
        break;
      case "uid":
        m.uid = Optional.of(number(value, 10, "uid", csv));
        break;
      case "gid":
        m.gid = Optional.of(number(value, 10, "gid", csv));
        break;
      case "env":
        m.env = Optional.of(value);
        break;
      default:
        List<String> suggestions = Suggestions.closest(key, KEYS);
        throw new InstructionException(
            "unexpected key '" + key + "' in '" + field + "'" + Suggestions.didYouMean(suggestions),
            csv,
            suggestions);
    }
  }

  private static MountType type(String value, String csv) throws InstructionException {
    return oneOf(MountType.class, TYPES, "mount type", value, csv);
  }

  private static CacheSharing sharing(String value, String csv) throws InstructionException {
    return oneOf(CacheSharing.class, SHARING, "sharing value", value, csv);
  }

  /**
   * The constant of {@code type} named {@code value} (any case), which must be one of {@code
   * names}.
   */
  private static <E extends Enum<E>> E oneOf(
      Class<E> type, List<String> names, String what, String value, String csv)
      throws InstructionException {
    String lower = value.toLowerCase(Locale.ROOT);
    if (!names.contains(lower)) {
      List<String> suggestions = Suggestions.closest(value, names);
      throw new InstructionException(
          "unsupported " + what + " \"" + value + "\"" + Suggestions.didYouMean(suggestions),
          csv,
          suggestions);
    }
    return Enum.valueOf(type, lower.toUpperCase(Locale.ROOT));
  }

  private static void requireType(Draft m, String key, String csv, MountType... allowed)
      throws InstructionException {
    if (m.typeDeferred) {
      return;
    }
    for (MountType type : allowed) {
      if (m.type == type) {
        return;
      }
    }
    throw new InstructionException(
        "unexpected key '" + key + "' for mount type '" + m.type.spelled() + "'", csv);
  }

  /** Go's {@code strconv.ParseBool}. */
  static boolean bool(String key, String value, String csv) throws InstructionException {
    switch (value) {
      case "1":
      case "t":
      case "T":
      case "true":
      case "TRUE":
      case "True":
        return true;
      case "0":
      case "f":
      case "F":
      case "false":
      case "FALSE":
      case "False":
        return false;
      default:
        throw new InstructionException("invalid value for " + key + ": " + value, csv);
    }
  }

  private static String number(String value, int radix, String key, String csv)
      throws InstructionException {
    String digits = radix == 8 ? "[0-7]{1,11}" : "[0-9]{1,10}";
    if (!value.matches(digits) || Long.parseLong(value, radix) > 0xFFFF_FFFFL) {
      throw new InstructionException("invalid value " + value + " for " + key, csv);
    }
    return value;
  }

  /** A mount being read; BuildKit fills one struct key by key, and so does this. */
  private static final class Draft {
    MountType type = MountType.BIND;
    String target = "";
    String source = "";
    String from = "";
    Optional<Boolean> readOnly = Optional.empty();
    String id = "";
    Optional<CacheSharing> sharing = Optional.empty();
    Optional<String> mode = Optional.empty();
    Optional<String> uid = Optional.empty();
    Optional<String> gid = Optional.empty();
    Optional<String> size = Optional.empty();
    Optional<String> env = Optional.empty();
    boolean required;
    boolean typeDeferred;

    MountSpec finish(String csv) throws InstructionException {
      if (!typeDeferred) {
        check(csv);
      }
      boolean ro = readOnly.orElse(type != MountType.CACHE && type != MountType.TMPFS);
      return new MountSpec(
          type, target, source, from, ro, id, sharing, mode, uid, gid, size, env, required);
    }

    private void check(String csv) throws InstructionException {
      boolean fileInfo =
          type == MountType.SECRET || type == MountType.SSH || type == MountType.CACHE;
      if (!fileInfo) {
        notAllowed("mode", mode, csv);
        notAllowed("uid", uid, csv);
        notAllowed("gid", gid, csv);
      }
      if (type == MountType.SECRET) {
        checkSecret(csv);
      }
      if (sharing.isPresent() && type != MountType.CACHE) {
        throw new InstructionException(
            "invalid cache sharing set for " + type.spelled() + " mount", csv);
      }
    }

    private void notAllowed(String key, Optional<String> value, String csv)
        throws InstructionException {
      if (value.isPresent()) {
        throw new InstructionException(
            key + " not allowed for \"" + type.spelled() + "\" type mounts", csv);
      }
    }

    private void checkSecret(String csv) throws InstructionException {
      if (!from.isEmpty()) {
        throw new InstructionException("secret mount should not have a from", csv);
      }
      if (sharing.isPresent()) {
        throw new InstructionException("secret mount should not define sharing", csv);
      }
      if (source.isEmpty() && target.isEmpty() && id.isEmpty()) {
        throw new InstructionException("invalid secret mount. one of source, target required", csv);
      }
      if (!source.isEmpty() && !id.isEmpty()) {
        throw new InstructionException("both source and id can't be set", csv);
      }
    }
  }
}
