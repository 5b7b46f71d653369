package org.iechorfile.engine.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.SourceSpan;
import org.junit.jupiter.api.Test;

class CommandParserTest {

  private final CommandParser parser = CommandParser.standard();

  private Command command(String line) {
    ParsedCommand parsed = parser.parse(line);
    assertEquals(List.of(), parsed.diagnostics(), line);
    return parsed.command().orElseThrow();
  }

  private Diagnostic error(String line) {
    ParsedCommand parsed = parser.parse(line);
    assertTrue(parsed.command().isEmpty(), line + " should be rejected");
    assertEquals(1, parsed.diagnostics().size());
    return parsed.diagnostics().get(0);
  }

  @Test
  void parse_stepCommands_typedRecords() {
    assertEquals(new StepsCommand(), command("%steps"));
    assertEquals(new UndoCommand(1), command("%undo"));
    assertEquals(new UndoCommand(3), command("  %UNDO 3"));
    assertEquals(new RedoCommand(2), command("%redo 2"));
    assertEquals(new GotoCommand(4), command("%goto #4"));
    assertEquals(new GotoCommand(0), command("%goto 0"));
    assertEquals(new ResetCommand(), command("%reset"));
  }

  @Test
  void parse_sessionCommands_typedRecords() {
    assertEquals(new CacheCommand("off"), command("%cache off"));
    assertEquals(new CacheCommand(""), command("%cache"));
    assertEquals(new ArgCommand("VERSION", "1.2=x"), command("%arg VERSION=1.2=x"));
    assertEquals(new ArgCommand("GREETING", "hello world"), command("%arg 'GREETING=hello world'"));
    assertEquals(new ContextCommand("./app"), command("%context ./app"));
    assertEquals(new LoadCommand("iEchorfile"), command("%load iEchorfile"));
    assertEquals(new HelpCommand("RUN --mount"), command("%help RUN --mount"));
    assertEquals(new HelpCommand(""), command("%help"));
  }

  @Test
  void parse_unknownCommand_errorOnName() {
    Diagnostic d = error("%frob 1");
    assertEquals("unknown command %frob; type %help for the list of commands", d.message());
    assertEquals(SourceSpan.of(1, 1, 5), d.span());
  }

  @Test
  void parse_badCount_errorOnArgument() {
    Diagnostic d = error("%undo two");
    assertEquals("%undo takes a number of steps (1 or more), not two", d.message());
    assertEquals(SourceSpan.of(1, 7, 3), d.span());
    assertEquals("%undo takes a number of steps (1 or more), not 0", error("%undo 0").message());
  }

  @Test
  void parse_tooManyArguments_errorOnExtraWord() {
    Diagnostic d = error("%steps now");
    assertEquals("%steps takes no argument; usage: %steps", d.message());
    assertEquals(SourceSpan.of(1, 8, 3), d.span());
  }

  @Test
  void parse_unknownOption_errorNamesTheOption() {
    Diagnostic d = error("%undo --all");
    assertEquals("unknown option --all for %undo; %undo takes no options", d.message());
  }

  @Test
  void parse_badChoiceAndAssignment_errors() {
    assertEquals(
        "%cache takes on, off or clear, not maybe; with no argument it says whether the cache is on",
        error("%cache maybe").message());
    assertEquals(
        "%arg takes NAME=VALUE, such as %arg VERSION=1.2; got VERSION",
        error("%arg VERSION").message());
    assertEquals("%goto needs a step number; see them with %steps", error("%goto").message());
  }

  @Test
  void parse_catalogueCommandWithoutFactory_notAvailable() {
    ParsedCommand parsed =
        new CommandParser(CommandCatalogue.standard(), CommandRegistry.empty()).parse("%steps");
    assertEquals(
        "%steps is not available in this version of iechorfile",
        parsed.diagnostics().get(0).message());
  }

  @Test
  void with_addedFactory_commandAvailable() {
    CommandRegistry registry =
        CommandRegistry.standard()
            .with(
                "layers",
                inv -> ParsedCommand.of(inv.line(), target -> new CommandResult.Message("layers")));
    ParsedCommand parsed =
        new CommandParser(CommandCatalogue.standard(), registry).parse("%layers");
    CommandResult result = parsed.execute(null);
    assertEquals(new CommandResult.Message("layers"), result);
  }
}
