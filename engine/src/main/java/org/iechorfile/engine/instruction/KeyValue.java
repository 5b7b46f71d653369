package org.iechorfile.engine.instruction;

import java.util.Objects;

/**
 * One {@code key=value} pair of ENV or LABEL, both raw (quotes and escapes kept until expansion).
 *
 * @param key the name
 * @param value the value
 */
public record KeyValue(String key, String value) {

  public KeyValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
