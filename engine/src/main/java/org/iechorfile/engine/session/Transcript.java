package org.iechorfile.engine.session;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes steps back as an iEchorfile: each step's comment lines and its text exactly as typed. A
 * session whose first step was written with the backtick escape gets the {@code escape} directive.
 */
final class Transcript {

  private static final Pattern DIRECTIVE = Pattern.compile("^\\s*[A-Za-z_]+\\s*=.*");

  private Transcript() {}

  static String of(List<StepRecord> steps) {
    StringBuilder text = new StringBuilder();
    if (!steps.isEmpty() && steps.get(0).escape() == '`') {
      text.append("# escape=`\n");
    } else if (!steps.isEmpty()
        && !steps.get(0).comments().isEmpty()
        && DIRECTIVE.matcher(steps.get(0).comments().get(0)).matches()) {
      // A comment such as "# check=..." on the first line would be read as a parser directive; a
      // blank line first keeps it a comment, as it was typed.
      text.append('\n');
    }
    for (StepRecord step : steps) {
      for (String comment : step.comments()) {
        text.append(comment.isEmpty() ? "#" : "# " + comment).append('\n');
      }
      text.append(step.source()).append('\n');
    }
    return text.toString();
  }
}
