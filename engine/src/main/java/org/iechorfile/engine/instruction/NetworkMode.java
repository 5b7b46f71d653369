package org.iechorfile.engine.instruction;

import java.util.Locale;

/** The network a RUN step sees ({@code --network}). */
public enum NetworkMode {
  /** The builder's default, host networking here. */
  DEFAULT,
  /** No network but loopback. */
  NONE,
  /** The host's network; needs the {@code network.host} entitlement. */
  HOST;

  /** The value as written in the flag: {@code default}, {@code none}, {@code host}. */
  public String spelled() {
    return name().toLowerCase(Locale.ROOT);
  }
}
