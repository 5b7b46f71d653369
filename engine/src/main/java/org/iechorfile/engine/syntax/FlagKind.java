package org.iechorfile.engine.syntax;

/** How a flag takes its value, as BuildKit's flag parser distinguishes them. */
public enum FlagKind {
  /** {@code --f}, {@code --f=true} or {@code --f=false}. */
  BOOLEAN,
  /** {@code --f=value}, given at most once. */
  STRING,
  /** {@code --f=value}, repeatable. */
  STRINGS
}
