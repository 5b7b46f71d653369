package org.iechorfile.engine.syntax;

import static org.iechorfile.engine.syntax.FlagKind.BOOLEAN;
import static org.iechorfile.engine.syntax.FlagKind.STRING;
import static org.iechorfile.engine.syntax.FlagKind.STRINGS;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The iEchorfile instructions and the flags each accepts. This is the one list the instruction
 * parser, completion and the documentation draw from.
 */
public enum Keyword {
  ADD(
      true,
      flag("chown", STRING),
      flag("chmod", STRING),
      flag("link", BOOLEAN),
      flag("keep-git-dir", BOOLEAN),
      flag("checksum", STRING),
      flag("unpack", BOOLEAN),
      flag("exclude", STRINGS)),
  ARG(false),
  CMD(false),
  COPY(
      true,
      flag("from", STRING),
      flag("chown", STRING),
      flag("chmod", STRING),
      flag("link", BOOLEAN),
      flag("parents", BOOLEAN),
      flag("exclude", STRINGS)),
  ENTRYPOINT(false),
  ENV(false),
  EXPOSE(false),
  FROM(false, flag("platform", STRING)),
  HEALTHCHECK(
      false,
      flag("interval", STRING),
      flag("timeout", STRING),
      flag("start-period", STRING),
      flag("start-interval", STRING),
      flag("retries", STRING)),
  LABEL(false),
  MAINTAINER(false),
  ONBUILD(false),
  RUN(
      true,
      flag("mount", STRINGS),
      flag("network", STRING),
      flag("security", STRING),
      flag("device", STRINGS)),
  SHELL(false),
  STOPSIGNAL(false),
  USER(false),
  VOLUME(false),
  WORKDIR(false);

  private final boolean heredocs;
  private final List<FlagSpec> flags;

  Keyword(boolean heredocs, FlagSpec... flags) {
    this.heredocs = heredocs;
    this.flags = List.of(flags);
  }

  private static FlagSpec flag(String name, FlagKind kind) {
    return new FlagSpec(name, kind);
  }

  /** The keyword for {@code word} in any case, or empty when it is not an instruction. */
  public static Optional<Keyword> lookup(String word) {
    String upper = word.toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.name().equals(upper)).findFirst();
  }

  /** The flags this instruction accepts, in documentation order. */
  public List<FlagSpec> flags() {
    return flags;
  }

  /** The flag named {@code name} (without dashes), if this instruction accepts it. */
  public Optional<FlagSpec> flag(String name) {
    return flags.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** Whether heredocs ({@code <<EOF}) are recognised in this instruction. */
  public boolean allowsHeredocs() {
    return heredocs;
  }
}
