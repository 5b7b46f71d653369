package org.iechorfile.engine.instruction;

import java.util.Locale;

/** The isolation of a RUN step ({@code --security}). */
public enum SecurityMode {
  /** The normal sandbox. */
  SANDBOX,
  /** Full privileges; needs the {@code security.insecure} entitlement. */
  INSECURE;

  /** The value as written in the flag: {@code sandbox} or {@code insecure}. */
  public String spelled() {
    return name().toLowerCase(Locale.ROOT);
  }
}
