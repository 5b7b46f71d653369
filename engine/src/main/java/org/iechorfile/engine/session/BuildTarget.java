package org.iechorfile.engine.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.SourceSpan;
import org.iechorfile.engine.syntax.Node;
import org.iechorfile.engine.syntax.ParsedFile;

/**
 * {@code build --target STAGE}: the instructions of a file up to the end of the named stage (a name
 * from {@code FROM … AS name}, or a stage index), which a session then applies in order. The stages
 * after the target are left out; the earlier ones stay, as later stages may copy from them. Pure:
 * reads only the parsed file.
 */
public final class BuildTarget {

  private BuildTarget() {}

  /**
   * The stages of {@code file} in order, by the names later steps use ({@code stage-N} when
   * unnamed).
   *
   * @param file a parsed iEchorfile; not modified
   * @return the stage names, lower case
   */
  public static List<String> stages(ParsedFile file) {
    List<String> names = new ArrayList<>();
    for (Node node : file.nodes()) {
      if (node.command().equals("FROM")) {
        names.add(name(node).orElse("stage-" + names.size()));
      }
    }
    return names;
  }

  /**
   * The nodes to apply for {@code target}: every node before the FROM that starts the stage after
   * it.
   *
   * @param file a parsed iEchorfile; not modified
   * @param target a stage name (any case) or index
   * @return the nodes, or a diagnostic naming the stages there are when {@code target} is none of
   *     them
   */
  public static Result select(ParsedFile file, String target) {
    List<String> stages = stages(file);
    int index = stages.indexOf(target.toLowerCase(Locale.ROOT));
    if (index < 0 && target.matches("\\d{1,9}") && Integer.parseInt(target) < stages.size()) {
      index = Integer.parseInt(target);
    }
    if (index < 0) {
      return new Result(
          List.of(),
          Optional.of(
              Diagnostic.error(
                  "target stage \""
                      + target
                      + "\" could not be found; the stages are "
                      + (stages.isEmpty()
                          ? "none (the file has no FROM)"
                          : String.join(", ", stages)),
                  new SourceSpan(1, 1, 1, 1))));
    }
    List<Node> nodes = new ArrayList<>();
    int seen = -1;
    for (Node node : file.nodes()) {
      if (node.command().equals("FROM") && ++seen > index) {
        break;
      }
      nodes.add(node);
    }
    return new Result(nodes, Optional.empty());
  }

  private static Optional<String> name(Node node) {
    List<String> args = node.args();
    if (args.size() == 3 && args.get(1).equalsIgnoreCase("as")) {
      return Optional.of(args.get(2).toLowerCase(Locale.ROOT));
    }
    return Optional.empty();
  }

  /**
   * What {@link #select} found.
   *
   * @param nodes the nodes to apply, in order; empty with an error
   * @param error why the target was not found
   */
  public record Result(List<Node> nodes, Optional<Diagnostic> error) {
    public Result {
      nodes = List.copyOf(nodes);
      java.util.Objects.requireNonNull(error, "error");
    }
  }
}
