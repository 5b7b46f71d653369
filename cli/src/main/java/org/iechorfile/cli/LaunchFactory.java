package org.iechorfile.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import picocli.CommandLine;

/** Creates commands, handing those that take one the {@link Launch} they run in. */
final class LaunchFactory implements CommandLine.IFactory {

  private final Launch launch;

  LaunchFactory(Launch launch) {
    this.launch = launch;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      Constructor<K> constructor = type.getDeclaredConstructor(Launch.class);
      return constructor.newInstance(launch);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(type);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
