package org.iechorfile.engine.instruction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.SourceSpan;
import org.iechorfile.engine.syntax.Expansion;
import org.iechorfile.engine.syntax.ExpansionException;
import org.iechorfile.engine.syntax.Expansions;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;
import org.iechorfile.engine.syntax.ShellLexer;
import org.iechorfile.engine.syntax.Variables;

/**
 * Expands variables in exactly the fields the builder expands (BuildKit's {@code Expand} methods):
 * ENV and LABEL keys and values; COPY and ADD sources, destination, {@code --chown}, {@code
 * --chmod}, ADD's {@code --checksum} and unquoted heredoc bodies; WORKDIR, USER, VOLUME,
 * STOPSIGNAL; EXPOSE (expanded, split into words and normalised to the image config's {@code
 * port/proto} entries, ranges listed one by one); ARG defaults; RUN {@code --mount} values but
 * {@code from}; FROM's image and {@code --platform}. RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK,
 * MAINTAINER and ONBUILD (expanded downstream) are returned unchanged. Every word sees the same
 * variables, those in effect before the instruction. Immutable and thread-safe.
 */
public final class InstructionExpander {

  private static final Pattern VARIABLE = Pattern.compile("\\$.");

  private final ShellLexer lexer;

  /**
   * An expander for a file whose escape character is {@code escape}.
   *
   * @param escape {@code \} or {@code `}, as {@link org.iechorfile.engine.syntax.ParsedFile#escape}
   *     gives it
   * @throws IllegalArgumentException for any other character
   */
  public InstructionExpander(char escape) {
    this.lexer = ShellLexer.withEscape(escape);
  }

  /**
   * Expands {@code instruction} against {@code variables}. Values the builder checks only once
   * expanded (mount keys, {@code --chmod}, COPY's URL and git sources, ADD's {@code --checksum})
   * are checked here. Mistakes are diagnostics, with the reference's message ({@code failed to
   * process "${a": syntax error: missing '}'}) and a span on the word where it can be found. A FROM
   * {@code --platform} that expands to nothing stays present and empty, for the caller to reject
   * with {@code empty platform value from expression}.
   */
  public ExpansionResult expand(Instruction instruction, Variables variables) {
    Scope scope = new Scope(variables);
    Node node = instruction.source();
    try {
      Instruction expanded = expandIn(instruction, scope);
      return new ExpansionResult(Optional.of(expanded), scope.used, scope.unset, List.of());
    } catch (ExpansionException e) {
      SourceSpan span = SpanLocator.find(node, e.word(), e.offset(), e.length());
      return failed(scope, Diagnostic.error(e.describe(), span));
    } catch (InstructionException e) {
      SourceSpan span =
          e.offending().isEmpty() ? node.span() : SpanLocator.find(node, e.offending());
      return failed(scope, Diagnostic.error(e.getMessage(), span, e.suggestions()));
    }
  }

  private static ExpansionResult failed(Scope scope, Diagnostic error) {
    return new ExpansionResult(Optional.empty(), scope.used, scope.unset, List.of(error));
  }

  // One branch per instruction that expands anything; the others come back as they are.
  private Instruction expandIn(Instruction instruction, Scope scope)
      throws ExpansionException, InstructionException {
    if (instruction instanceof Env) {
      Env env = (Env) instruction;
      return new Env(env.source(), pairs(env.pairs(), scope), env.legacy());
    } else if (instruction instanceof Label) {
      Label label = (Label) instruction;
      return new Label(label.source(), pairs(label.pairs(), scope), label.legacy());
    } else if (instruction instanceof Copy) {
      return copy((Copy) instruction, scope);
    } else if (instruction instanceof Add) {
      return add((Add) instruction, scope);
    } else if (instruction instanceof Arg) {
      return arg((Arg) instruction, scope);
    } else if (instruction instanceof Run) {
      return run((Run) instruction, scope);
    } else if (instruction instanceof From) {
      From from = (From) instruction;
      return new From(
          from.source(), scope.word(from.image()), scope.word(from.platform()), from.stageName());
    }
    return single(instruction, scope);
  }

  private Instruction single(Instruction instruction, Scope scope)
      throws ExpansionException, InstructionException {
    if (instruction instanceof Workdir) {
      return new Workdir(instruction.source(), scope.word(((Workdir) instruction).path()));
    } else if (instruction instanceof User) {
      return new User(instruction.source(), scope.word(((User) instruction).user()));
    } else if (instruction instanceof StopSignal) {
      return new StopSignal(instruction.source(), scope.word(((StopSignal) instruction).signal()));
    } else if (instruction instanceof Volume) {
      return new Volume(instruction.source(), scope.words(((Volume) instruction).paths()));
    } else if (instruction instanceof Expose) {
      List<String> ports = new ArrayList<>();
      for (String port : ((Expose) instruction).ports()) {
        ports.addAll(scope.split(port));
      }
      return new Expose(instruction.source(), PortSpecs.exposed(ports));
    }
    return instruction;
  }

  private static List<KeyValue> pairs(List<KeyValue> pairs, Scope scope) throws ExpansionException {
    List<KeyValue> expanded = new ArrayList<>();
    for (KeyValue pair : pairs) {
      expanded.add(new KeyValue(scope.word(pair.key()), scope.word(pair.value())));
    }
    return expanded;
  }

  private static Arg arg(Arg arg, Scope scope) throws ExpansionException {
    List<ArgDefinition> expanded = new ArrayList<>();
    for (ArgDefinition definition : arg.definitions()) {
      expanded.add(new ArgDefinition(definition.name(), scope.word(definition.defaultValue())));
    }
    return new Arg(arg.source(), expanded);
  }

  private static Copy copy(Copy copy, Scope scope) throws ExpansionException, InstructionException {
    if (copy.from().isPresent() && VARIABLE.matcher(copy.from().get()).find()) {
      throw new InstructionException(
          "variable expansion is not supported for --from, define a new stage with FROM using ARG"
              + " from global scope as a workaround",
          "--from");
    }
    Copy expanded =
        new Copy(
            copy.source(),
            scope.words(copy.sources()),
            scope.heredocs(copy.heredocSources()),
            scope.word(copy.destination()),
            copy.from(),
            scope.flag(copy.chown()),
            scope.flag(copy.chmod()),
            copy.link(),
            copy.parents(),
            copy.excludes());
    SourceChecks.checkCopy(expanded, false);
    return expanded;
  }

  private static Add add(Add add, Scope scope) throws ExpansionException, InstructionException {
    Add expanded =
        new Add(
            add.source(),
            scope.words(add.sources()),
            scope.heredocs(add.heredocSources()),
            scope.word(add.destination()),
            scope.flag(add.chown()),
            scope.flag(add.chmod()),
            add.link(),
            add.keepGitDir(),
            scope.flag(add.checksum()),
            add.unpack(),
            add.excludes());
    SourceChecks.checkAdd(expanded, false);
    return expanded;
  }

  private static Run run(Run run, Scope scope) throws InstructionException {
    List<MountSpec> mounts = new ArrayList<>();
    for (String csv : Flags.parse(Keyword.RUN, run.source().flags()).strings("mount")) {
      mounts.add(MountParser.parse(csv, (key, value) -> scope.mountValue(value, csv)));
    }
    return new Run(
        run.source(),
        run.command(),
        mounts,
        run.network(),
        run.security(),
        run.devices(),
        run.heredocs());
  }

  /** The lexers and the names looked up while expanding one instruction. */
  private final class Scope {
    final Variables variables;
    final Set<String> used = new LinkedHashSet<>();
    final Set<String> unset = new LinkedHashSet<>();

    Scope(Variables variables) {
      this.variables = variables;
    }

    String word(String word) throws ExpansionException {
      return record(lexer.processWord(word, variables));
    }

    Optional<String> word(Optional<String> word) throws ExpansionException {
      return word.isPresent() ? Optional.of(word(word.get())) : word;
    }

    /** A string flag's value; one that expands to nothing counts as not given, as in BuildKit. */
    Optional<String> flag(Optional<String> value) throws ExpansionException {
      return word(value).filter(v -> !v.isEmpty());
    }

    List<String> words(List<String> words) throws ExpansionException {
      List<String> expanded = new ArrayList<>();
      for (String word : words) {
        expanded.add(word(word));
      }
      return expanded;
    }

    List<String> split(String text) throws ExpansionException {
      Expansions expansions = lexer.processWords(text, variables);
      used.addAll(expansions.used());
      unset.addAll(expansions.unset());
      return expansions.words();
    }

    List<HeredocSource> heredocs(List<HeredocSource> sources) throws ExpansionException {
      List<HeredocSource> expanded = new ArrayList<>();
      for (HeredocSource source : sources) {
        String content =
            source.expand()
                ? record(ShellLexer.forHeredocBody().processWord(source.content(), variables))
                : source.content();
        expanded.add(new HeredocSource(source.name(), content, source.expand()));
      }
      return expanded;
    }

    String mountValue(String value, String csv) throws InstructionException {
      try {
        return word(value);
      } catch (ExpansionException e) {
        throw new InstructionException(e.describe(), csv);
      }
    }

    private String record(Expansion expansion) {
      used.addAll(expansion.used());
      unset.addAll(expansion.unset());
      return expansion.value();
    }
  }
}
