package org.iechorfile.engine.instruction;

import java.util.Objects;

/**
 * One {@code RUN --device=name[,required[=bool]]} request.
 *
 * @param name the device name (a CDI device name such as {@code vendor.com/gpu=0})
 * @param required whether the step fails when the device is not available
 */
public record DeviceSpec(String name, boolean required) {

  public DeviceSpec {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("device name is empty");
    }
  }
}
