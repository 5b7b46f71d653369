package org.iechorfile.engine.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.iechorfile.engine.ConfigChange;
import org.iechorfile.engine.image.RuntimeConfig;

/** What changed between two runtime configs, field by field (environment and labels by key). */
public final class ConfigDiff {

  private ConfigDiff() {}

  /** The fields that differ from {@code before} to {@code after}, environment and labels by key. */
  public static List<ConfigChange> between(RuntimeConfig before, RuntimeConfig after) {
    List<ConfigChange> changes = new ArrayList<>();
    keyed(changes, "Env", env(before.env()), env(after.env()));
    field(changes, "User", before.user(), after.user());
    field(changes, "WorkingDir", before.workingDir(), after.workingDir());
    field(changes, "Entrypoint", list(before.entrypoint()), list(after.entrypoint()));
    field(changes, "Cmd", list(before.cmd()), list(after.cmd()));
    field(changes, "Shell", list(before.shell()), list(after.shell()));
    field(
        changes,
        "ExposedPorts",
        String.join(" ", before.exposedPorts()),
        String.join(" ", after.exposedPorts()));
    field(
        changes, "Volumes", String.join(" ", before.volumes()), String.join(" ", after.volumes()));
    keyed(changes, "Labels", before.labels(), after.labels());
    field(changes, "StopSignal", before.stopSignal(), after.stopSignal());
    field(
        changes,
        "Healthcheck",
        before.healthcheck().map(h -> list(h.test())).orElse(""),
        after.healthcheck().map(h -> list(h.test())).orElse(""));
    field(
        changes,
        "OnBuild",
        String.join("\n", before.onBuild()),
        String.join("\n", after.onBuild()));
    return changes;
  }

  private static void field(List<ConfigChange> changes, String name, String before, String after) {
    if (!Objects.equals(before, after)) {
      changes.add(new ConfigChange(name, before, after));
    }
  }

  private static void keyed(
      List<ConfigChange> changes,
      String name,
      Map<String, String> before,
      Map<String, String> after) {
    Set<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String key : keys) {
      field(changes, name + "." + key, before.getOrDefault(key, ""), after.getOrDefault(key, ""));
    }
  }

  private static Map<String, String> env(List<String> entries) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      map.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
    }
    return map;
  }

  private static String list(List<String> values) {
    return values.isEmpty() ? "" : ConfigDispatch.json(values);
  }
}
