package org.iechorfile.repl;

import org.iechorfile.engine.session.ImageState;
import org.iechorfile.engine.session.Session;

/** The prompt: where the session is, as {@code [#3 busybox /app]> }. */
final class Prompt {

  private Prompt() {}

  static String of(Session session, Styles styles) {
    long live = session.steps().stream().filter(s -> s.live()).count();
    ImageState state = session.current();
    StringBuilder where = new StringBuilder("#").append(live);
    if (state.inStage()) {
      where.append(' ').append(stage(state));
      String dir = state.config().workingDir();
      where.append(' ').append(dir.isEmpty() ? "/" : dir);
    }
    return styles.bold("[" + where + "]") + "> ";
  }

  private static String stage(ImageState state) {
    if (!state.stageName().isEmpty()) {
      return state.stageName();
    }
    String base = state.base();
    if (base.startsWith("docker.io/")) {
      base = base.substring("docker.io/".length());
    }
    if (base.startsWith("library/")) {
      base = base.substring("library/".length());
    }
    return base.endsWith(":latest") ? base.substring(0, base.length() - ":latest".length()) : base;
  }
}
