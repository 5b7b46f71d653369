package org.iechorfile.engine.image;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The platform an image runs on. Values are normalised as Docker (containerd) does: {@code aarch64}
 * becomes {@code arm64}, {@code x86_64} becomes {@code amd64}, {@code armhf} becomes {@code
 * arm/v7}; a variant is kept as written, and matching treats the default variant of an architecture
 * ({@code arm64} v8, {@code arm} v7, {@code amd64} v1) as equal to no variant.
 *
 * @param os the operating system, for example {@code linux}
 * @param architecture the CPU architecture, for example {@code arm64}
 * @param variant the CPU variant, for example {@code v8}; empty when not given
 * @param osVersion the OS version (Windows images); empty when not given
 * @param osFeatures required OS features; may be empty
 */
public record Platform(
    String os, String architecture, String variant, String osVersion, List<String> osFeatures) {

  /** The platform chosen from an index when none is asked for. */
  public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", "", "", List.of());

  public Platform {
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(osVersion, "osVersion");
    osFeatures = List.copyOf(osFeatures);
  }

  /** A platform with just an OS, an architecture and a variant (empty for none). */
  public static Platform of(String os, String architecture, String variant) {
    return new Platform(os, architecture, variant, "", List.of());
  }

  /**
   * Parses {@code os/arch[/variant]}, for example {@code linux/arm64/v8}, and normalises it.
   *
   * @throws IllegalArgumentException when the text is not of that form
   */
  public static Platform parse(String text) {
    Objects.requireNonNull(text, "text");
    String[] parts = text.trim().split("/", -1);
    if (parts.length < 2 || parts.length > 3 || List.of(parts).contains("")) {
      throw new IllegalArgumentException(
          "invalid platform \""
              + text
              + "\": expected os/architecture[/variant], e.g. linux/arm64");
    }
    return of(parts[0], parts[1], parts.length == 3 ? parts[2] : "").normalized();
  }

  /** This platform with OS, architecture and variant spelled the way Docker spells them. */
  public Platform normalized() {
    String normOs = os.toLowerCase(Locale.ROOT);
    String arch = architecture.toLowerCase(Locale.ROOT);
    String var = variant.toLowerCase(Locale.ROOT);
    switch (arch) {
      case "aarch64" -> arch = "arm64";
      case "x86_64", "x86-64" -> arch = "amd64";
      case "i386" -> arch = "386";
      case "armhf" -> {
        arch = "arm";
        var = "v7";
      }
      case "armel" -> {
        arch = "arm";
        var = "v6";
      }
      default -> {}
    }
    if (var.matches("[0-9]+") && (arch.equals("arm") || arch.equals("arm64"))) {
      var = "v" + var;
    }
    return new Platform(normOs, arch, var, osVersion, osFeatures);
  }

  /** Whether {@code candidate} can run where this platform is wanted (see {@link #rank}). */
  public boolean matches(Platform candidate) {
    return rank(candidate).isPresent();
  }

  /**
   * How well {@code candidate} serves a request for this platform: 0 for the same variant, a higher
   * number for an older compatible variant (as Docker accepts {@code arm/v6} for {@code arm/v7}),
   * empty when it cannot serve it.
   */
  public OptionalInt rank(Platform candidate) {
    Platform want = normalized();
    Platform have = candidate.normalized();
    if (!want.os.equals(have.os) || !want.architecture.equals(have.architecture)) {
      return OptionalInt.empty();
    }
    if (!want.osVersion.isEmpty()
        && !have.osVersion.isEmpty()
        && !want.osVersion.equals(have.osVersion)) {
      return OptionalInt.empty();
    }
    int wanted = variantLevel(want.architecture, want.variant);
    int offered = variantLevel(have.architecture, have.variant);
    if (wanted < 0 || offered < 0) {
      return want.effectiveVariant().equals(have.effectiveVariant())
          ? OptionalInt.of(0)
          : OptionalInt.empty();
    }
    return offered <= wanted ? OptionalInt.of(wanted - offered) : OptionalInt.empty();
  }

  /** The variant, or the architecture's default variant when none is given. */
  public String effectiveVariant() {
    if (!variant.isEmpty()) {
      return variant;
    }
    return switch (architecture) {
      case "arm64" -> "v8";
      case "arm" -> "v7";
      case "amd64" -> "v1";
      default -> "";
    };
  }

  private static int variantLevel(String architecture, String variant) {
    String effective = of("linux", architecture, variant).effectiveVariant();
    boolean ordered =
        architecture.equals("arm") || architecture.equals("amd64") || architecture.equals("arm64");
    if (!ordered || !effective.matches("v[0-9]+")) {
      return -1;
    }
    return Integer.parseInt(effective.substring(1));
  }

  @Override
  public String toString() {
    return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
  }
}
