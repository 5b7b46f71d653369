package org.iechorfile.engine.instruction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.SourceSpan;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;
import org.iechorfile.engine.syntax.ParsedFile;

/**
 * Types the line parser's {@link Node}s into {@link Instruction}s, checking argument counts and
 * flags with BuildKit's rules and wording, and reports the lint warnings that one instruction (or,
 * for a file, the whole file) decides. Pure and stateless: any thread may call it. Mistakes are
 * diagnostics; nothing is thrown for any node.
 */
public final class InstructionParser {

  private static final List<String> KEYWORDS =
      Arrays.stream(Keyword.values()).map(Keyword::name).toList();

  /** Creates a parser; it keeps no state. */
  public InstructionParser() {}

  /**
   * Types one instruction. Lint warnings that depend on the stage (such as {@code
   * JSONArgsRecommended} after a SHELL) are reported as if the stage had no SHELL; the caller that
   * knows the stage filters them.
   *
   * @param node an instruction from the line parser, or built by hand
   * @return the instruction with its warnings, or the errors that stopped it
   */
  public ParseResult parse(Node node) {
    try {
      Instruction instruction = type(node);
      return new ParseResult(Optional.of(instruction), Lints.of(instruction));
    } catch (InstructionException e) {
      return new ParseResult(Optional.empty(), List.of(diagnostic(node, e)));
    }
  }

  /**
   * Types every instruction of a file. The result holds the instructions that typed cleanly, and
   * the line parser's diagnostics together with every instruction error and lint warning, sorted by
   * position, including the rules that need the stage or the file: {@code
   * ConsistentInstructionCasing}, {@code MultipleInstructionsDisallowed}, {@code
   * DuplicateStageName}, and no {@code JSONArgsRecommended} after a SHELL in the same stage. The
   * {@code # check=} directive ({@code skip=Rule,…|all}, {@code error=true}) and {@code # check=}
   * comments directly above an instruction are applied to the lint warnings.
   */
  public ParsedInstructions parse(ParsedFile file) {
    List<Instruction> instructions = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>(file.diagnostics());
    StageLints stages = new StageLints();
    for (Node node : file.nodes()) {
      ParseResult result = parse(node);
      if (result.instruction().isPresent()) {
        Instruction instruction = result.instruction().get();
        instructions.add(instruction);
        diagnostics.addAll(stages.accept(instruction, result.diagnostics()));
      } else {
        diagnostics.addAll(result.diagnostics());
      }
    }
    diagnostics.addAll(stages.found());
    diagnostics.addAll(Lints.casing(file.nodes()));
    diagnostics = applyChecks(file, diagnostics);
    diagnostics.sort(
        Comparator.comparingInt((Diagnostic d) -> d.span().startLine())
            .thenComparingInt(d -> d.span().startColumn()));
    return new ParsedInstructions(instructions, diagnostics, file.escape());
  }

  /**
   * Applies the {@code # check=} directive, or a {@code # check=} comment right above the
   * instruction a warning belongs to, to every lint warning.
   */
  private static List<Diagnostic> applyChecks(ParsedFile file, List<Diagnostic> diagnostics) {
    LintConfig config = LintConfig.DEFAULT;
    List<Diagnostic> result = new ArrayList<>();
    String check = file.directives().getOrDefault("check", "");
    try {
      config = LintConfig.parse(check);
    } catch (InstructionException e) {
      result.add(Diagnostic.error(e.getMessage(), SourceSpan.lines(1, 1)));
    }
    List<Node> nodes = file.nodes();
    for (Diagnostic d : diagnostics) {
      LintConfig applied = config;
      if (!d.rule().isEmpty()) {
        int at = lastStartingBy(nodes, d.span().startLine());
        if (at >= 0 && d.span().startLine() <= nodes.get(at).span().endLine()) {
          applied = LintConfig.fromComments(nodes.get(at).comments()).orElse(config);
        }
      }
      result.addAll(applied.apply(List.of(d)));
    }
    return result;
  }

  /** The index of the last node starting on or before {@code line}, or -1; nodes are in order. */
  private static int lastStartingBy(List<Node> nodes, int line) {
    int low = 0;
    int high = nodes.size() - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (nodes.get(mid).span().startLine() <= line) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }

  // One branch per instruction keyword: a flat table reads better than a map of method handles.
  static Instruction type(Node node) throws InstructionException {
    Optional<Keyword> keyword = Keyword.lookup(node.keyword());
    if (keyword.isEmpty()) {
      List<String> suggestions = Suggestions.closest(node.keyword(), KEYWORDS);
      throw new InstructionException(
          "unknown instruction: " + node.keyword() + Suggestions.didYouMean(suggestions),
          "",
          suggestions);
    }
    switch (keyword.get()) {
      case FROM:
        return CommandTyping.from(node);
      case RUN:
        return CommandTyping.run(node);
      case CMD:
        return CommandTyping.cmd(node);
      case ENTRYPOINT:
        return CommandTyping.entrypoint(node);
      case SHELL:
        return CommandTyping.shell(node);
      case HEALTHCHECK:
        return CommandTyping.healthcheck(node);
      case ONBUILD:
        return onbuild(node);
      case ENV:
        return ValueTyping.env(node);
      case LABEL:
        return ValueTyping.label(node);
      case ARG:
        return ValueTyping.arg(node);
      case COPY:
        return ValueTyping.copy(node);
      case ADD:
        return ValueTyping.add(node);
      case WORKDIR:
        return ValueTyping.workdir(node);
      case USER:
        return ValueTyping.user(node);
      case EXPOSE:
        return ValueTyping.expose(node);
      case VOLUME:
        return ValueTyping.volume(node);
      case STOPSIGNAL:
        return ValueTyping.stopSignal(node);
      case MAINTAINER:
        return ValueTyping.maintainer(node);
      default:
        throw new IllegalStateException("no typing for " + keyword.get());
    }
  }

  private static Onbuild onbuild(Node node) throws InstructionException {
    if (node.children().isEmpty()) {
      throw new InstructionException("ONBUILD requires at least one argument");
    }
    Flags.parse(Keyword.ONBUILD, node.flags());
    Node trigger = node.children().get(0);
    String command = trigger.command();
    if (command.equals("ONBUILD")) {
      throw new InstructionException(
          "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", trigger.keyword());
    }
    if (command.equals("MAINTAINER") || command.equals("FROM")) {
      throw new InstructionException(
          command + " isn't allowed as an ONBUILD trigger", trigger.keyword());
    }
    String expression = node.original().replaceFirst("(?i)^\\s*ONBUILD\\s*", "");
    return new Onbuild(node, type(trigger), expression);
  }

  private static Diagnostic diagnostic(Node node, InstructionException e) {
    SourceSpan span = e.offending().isEmpty() ? node.span() : SpanLocator.find(node, e.offending());
    return Diagnostic.error(e.getMessage(), span, e.suggestions());
  }
}
