package org.iechorfile.engine.instruction;

import static org.iechorfile.engine.instruction.InstructionJson.optional;
import static org.iechorfile.engine.instruction.InstructionJson.strings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Writes each instruction's typed values into the {@code fields} object of its JSON. */
final class InstructionFields {

  private InstructionFields() {}

  // One branch per instruction; the JSON field names are the record component names.
  static void write(Instruction instruction, ObjectNode o) {
    if (instruction instanceof From) {
      From from = (From) instruction;
      o.put("image", from.image());
      optional(o, "platform", from.platform());
      optional(o, "stageName", from.stageName());
    } else if (instruction instanceof Run) {
      run((Run) instruction, o);
    } else if (instruction instanceof Copy) {
      copy((Copy) instruction, o);
    } else if (instruction instanceof Add) {
      add((Add) instruction, o);
    } else if (instruction instanceof Env) {
      pairs(((Env) instruction).pairs(), o);
      o.put("legacy", ((Env) instruction).legacy());
    } else if (instruction instanceof Label) {
      pairs(((Label) instruction).pairs(), o);
      o.put("legacy", ((Label) instruction).legacy());
    } else if (instruction instanceof Arg) {
      ArrayNode definitions = o.putArray("definitions");
      for (ArgDefinition d : ((Arg) instruction).definitions()) {
        ObjectNode item = definitions.addObject();
        item.put("name", d.name());
        optional(item, "defaultValue", d.defaultValue());
      }
    } else if (instruction instanceof Cmd) {
      strings(o, "command", ((Cmd) instruction).command().args());
    } else if (instruction instanceof Entrypoint) {
      strings(o, "command", ((Entrypoint) instruction).command().args());
    } else if (instruction instanceof Healthcheck) {
      healthcheck((Healthcheck) instruction, o);
    } else if (instruction instanceof Onbuild) {
      o.put("expression", ((Onbuild) instruction).expression());
      o.set("trigger", InstructionJson.instruction(((Onbuild) instruction).trigger()));
    } else {
      simple(instruction, o);
    }
  }

  private static void simple(Instruction instruction, ObjectNode o) {
    if (instruction instanceof Shell) {
      strings(o, "shell", ((Shell) instruction).shell());
    } else if (instruction instanceof Workdir) {
      o.put("path", ((Workdir) instruction).path());
    } else if (instruction instanceof User) {
      o.put("user", ((User) instruction).user());
    } else if (instruction instanceof StopSignal) {
      o.put("signal", ((StopSignal) instruction).signal());
    } else if (instruction instanceof Maintainer) {
      o.put("name", ((Maintainer) instruction).name());
    } else if (instruction instanceof Expose) {
      strings(o, "ports", ((Expose) instruction).ports());
    } else if (instruction instanceof Volume) {
      strings(o, "paths", ((Volume) instruction).paths());
    }
  }

  private static void run(Run run, ObjectNode o) {
    strings(o, "command", run.command().args());
    ArrayNode mounts = o.putArray("mounts");
    for (MountSpec m : run.mounts()) {
      ObjectNode item = mounts.addObject();
      item.put("type", m.type().spelled());
      nonEmpty(item, "target", m.target());
      nonEmpty(item, "source", m.source());
      nonEmpty(item, "from", m.from());
      item.put("readOnly", m.readOnly());
      nonEmpty(item, "id", m.id());
      m.sharing().ifPresent(s -> item.put("sharing", s.spelled()));
      optional(item, "mode", m.mode());
      optional(item, "uid", m.uid());
      optional(item, "gid", m.gid());
      optional(item, "size", m.size());
      optional(item, "env", m.env());
      item.put("required", m.required());
    }
    o.put("network", run.network().spelled());
    o.put("security", run.security().spelled());
    ArrayNode devices = o.putArray("devices");
    for (DeviceSpec d : run.devices()) {
      devices.addObject().put("name", d.name()).put("required", d.required());
    }
    InstructionJson.heredocs(o, run.heredocs());
  }

  private static void copy(Copy copy, ObjectNode o) {
    sources(copy.sources(), copy.heredocSources(), copy.destination(), o);
    optional(o, "from", copy.from());
    optional(o, "chown", copy.chown());
    optional(o, "chmod", copy.chmod());
    o.put("link", copy.link());
    o.put("parents", copy.parents());
    strings(o, "excludes", copy.excludes());
  }

  private static void add(Add add, ObjectNode o) {
    sources(add.sources(), add.heredocSources(), add.destination(), o);
    optional(o, "chown", add.chown());
    optional(o, "chmod", add.chmod());
    o.put("link", add.link());
    o.put("keepGitDir", add.keepGitDir());
    optional(o, "checksum", add.checksum());
    add.unpack().ifPresent(u -> o.put("unpack", u));
    strings(o, "excludes", add.excludes());
  }

  private static void sources(
      List<String> paths, List<HeredocSource> heredocs, String destination, ObjectNode o) {
    strings(o, "sources", paths);
    ArrayNode array = o.putArray("heredocSources");
    for (HeredocSource h : heredocs) {
      array.addObject().put("name", h.name()).put("expand", h.expand()).put("content", h.content());
    }
    o.put("destination", destination);
  }

  private static void pairs(List<KeyValue> pairs, ObjectNode o) {
    ArrayNode array = o.putArray("pairs");
    for (KeyValue pair : pairs) {
      array.addObject().put("key", pair.key()).put("value", pair.value());
    }
  }

  private static void healthcheck(Healthcheck check, ObjectNode o) {
    o.put("none", check.none());
    strings(o, "test", check.test());
    if (!check.none()) {
      o.put("interval", check.interval().toString());
      o.put("timeout", check.timeout().toString());
      o.put("startPeriod", check.startPeriod().toString());
      o.put("startInterval", check.startInterval().toString());
      o.put("retries", check.retries());
    }
  }

  private static void nonEmpty(ObjectNode o, String name, String value) {
    if (!value.isEmpty()) {
      o.put(name, value);
    }
  }
}
