package org.iechorfile.engine.instruction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.syntax.Keyword;

/**
 * The lint rules that need the stage an instruction is in: {@code MultipleInstructionsDisallowed}
 * (a CMD, ENTRYPOINT or HEALTHCHECK overridden later in the same stage, reported where the
 * overridden one is), {@code DuplicateStageName}, and the SHELL exception of {@code
 * JSONArgsRecommended}. Fed the typed instructions of a file in order.
 */
final class StageLints {

  private final List<Diagnostic> found = new ArrayList<>();
  private final Set<String> stageNames = new HashSet<>();
  private final Map<Keyword, Instruction> onceInStage = new HashMap<>();
  private boolean shellInStage;

  /** Takes the next instruction; returns its own diagnostics, filtered for the stage. */
  List<Diagnostic> accept(Instruction instruction, List<Diagnostic> own) {
    if (instruction instanceof From) {
      startStage((From) instruction);
    }
    List<Diagnostic> kept = new ArrayList<>();
    for (Diagnostic d : own) {
      if (!(shellInStage && d.rule().equals(Lints.JSON_ARGS_RECOMMENDED))) {
        kept.add(d);
      }
    }
    Keyword keyword = instruction.keyword();
    if (keyword == Keyword.CMD || keyword == Keyword.ENTRYPOINT || keyword == Keyword.HEALTHCHECK) {
      Instruction earlier = onceInStage.put(keyword, instruction);
      if (earlier != null) {
        found.add(
            Diagnostic.warning(
                "MultipleInstructionsDisallowed",
                "Multiple "
                    + keyword.name()
                    + " instructions should not be used in the same stage because only the last"
                    + " one will be used",
                earlier.source().span()));
      }
    }
    shellInStage |= instruction instanceof Shell;
    return kept;
  }

  private void startStage(From from) {
    shellInStage = false;
    onceInStage.clear();
    if (from.stageName().isPresent() && !stageNames.add(from.stageName().get())) {
      found.add(
          Diagnostic.warning(
              "DuplicateStageName",
              "Duplicate stage name \""
                  + from.stageName().get()
                  + "\", stage names should be unique",
              SpanLocator.find(from.source(), from.source().args().get(2))));
    }
  }

  /** The stage-wide warnings found so far. */
  List<Diagnostic> found() {
    return found;
  }
}
