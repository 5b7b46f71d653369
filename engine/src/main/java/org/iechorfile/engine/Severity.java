package org.iechorfile.engine;

/** How serious a {@link Diagnostic} is. */
public enum Severity {
  /** The input cannot be applied. */
  ERROR,
  /** The input can be applied but is probably not what the user wants (a lint rule). */
  WARNING,
  /** A remark that needs no action. */
  INFO
}
