package org.iechorfile.engine.instruction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.SourceSpan;
import org.iechorfile.engine.syntax.LineParser;
import org.junit.jupiter.api.Test;

class LineParserIntegrationTest {

  private static ParsedInstructions parse(String text) {
    return new InstructionParser().parse(LineParser.parse(text));
  }

  @Test
  void parse_realFile_typesEveryInstruction() {
    ParsedInstructions result =
        parse(
            String.join(
                "\n",
                "# syntax=docker/dockerfile:1",
                "ARG BASE=python:3.12",
                "FROM $BASE AS build",
                "WORKDIR /app",
                "COPY --chown=app requirements.txt ./",
                "RUN --mount=type=cache,target=/root/.cache \\",
                "    pip install -r requirements.txt",
                "COPY <<EOF /app/hello.txt",
                "hello $NAME",
                "EOF",
                "ENV PORT=8080 \\",
                "    MODE=prod",
                "EXPOSE 8080",
                "HEALTHCHECK --interval=10s CMD [\"curl\", \"-f\", \"http://localhost:8080/\"]",
                "ONBUILD RUN echo downstream",
                "USER app",
                "CMD [\"python\", \"-m\", \"app\"]",
                ""));
    assertEquals(List.of(), result.diagnostics());
    assertEquals(12, result.instructions().size());
    Copy heredoc = (Copy) result.instructions().get(5);
    assertEquals(
        List.of(new HeredocSource("EOF", "hello $NAME\n", true)), heredoc.heredocSources());
    Env env = (Env) result.instructions().get(6);
    assertEquals(List.of(new KeyValue("PORT", "8080"), new KeyValue("MODE", "prod")), env.pairs());
    Onbuild onbuild = (Onbuild) result.instructions().get(9);
    assertEquals("RUN echo downstream", onbuild.expression());
    assertTrue(onbuild.trigger() instanceof Run);
  }

  @Test
  void parse_unknownFlagOnContinuationLine_pointsAtIt() {
    ParsedInstructions result = parse("FROM alpine\nCOPY --link \\\n  --form=x a b\n");
    Diagnostic d = result.diagnostics().get(0);
    assertEquals("unknown flag: --form (did you mean --from?)", d.message());
    assertEquals(new SourceSpan(3, 3, 3, 11), d.span());
  }

  @Test
  void parse_indentedInstruction_pointsAtTheFlag() {
    ParsedInstructions result = parse("FROM alpine\n   RUN --network=bridge true\n");
    assertEquals(new SourceSpan(2, 18, 2, 24), result.diagnostics().get(0).span());
  }

  @Test
  void parse_quotedFlagValue_isUnquotedByTheLineParser() {
    ParsedInstructions result = parse("FROM a\nCOPY --chown=\"app:app\" a b\n");
    assertFalse(result.hasErrors());
    assertEquals(Optional.of("app:app"), ((Copy) result.instructions().get(1)).chown());
  }

  @Test
  void parse_onbuildWithHeredoc_keepsBodyInTheTriggerAndExpression() {
    ParsedInstructions result = parse("FROM a\nONBUILD COPY <<EOF /x\nhello\nEOF\n");
    assertEquals(List.of(), result.diagnostics());
    Onbuild onbuild = (Onbuild) result.instructions().get(1);
    assertEquals("COPY <<EOF /x\nhello\nEOF", onbuild.expression());
    Copy trigger = (Copy) onbuild.trigger();
    assertEquals(List.of(new HeredocSource("EOF", "hello\n", true)), trigger.heredocSources());
  }

  @Test
  void parse_errorInOnbuildTrigger_pointsIntoTheTrigger() {
    ParsedInstructions result = parse("FROM a\nONBUILD COPY --form=x a b\n");
    assertEquals(new SourceSpan(2, 14, 2, 22), result.diagnostics().get(0).span());
  }
}
