package org.iechorfile.engine.syntax;

import java.util.List;
import java.util.Map;
import org.iechorfile.engine.Diagnostic;

/**
 * The line parser's result for a whole text: its directives, its instructions and what was wrong
 * with it. Produced for any input; problems are diagnostics, never exceptions.
 *
 * @param directives the parser directives found at the top, keys lower case ({@code syntax}, {@code
 *     escape}, {@code check}), values as written
 * @param escape the escape character in effect ({@code \} or {@code `})
 * @param nodes the instructions in source order
 * @param diagnostics errors and warnings, in source order
 */
public record ParsedFile(
    Map<String, String> directives, char escape, List<Node> nodes, List<Diagnostic> diagnostics) {

  public ParsedFile {
    directives = Map.copyOf(directives);
    if (escape != '\\' && escape != '`') {
      throw new IllegalArgumentException("escape must be \\ or `: " + escape);
    }
    nodes = List.copyOf(nodes);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Whether any diagnostic is an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
