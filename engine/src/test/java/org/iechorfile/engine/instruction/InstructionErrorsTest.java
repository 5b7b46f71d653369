package org.iechorfile.engine.instruction;

import static org.iechorfile.engine.instruction.Parsing.error;
import static org.iechorfile.engine.instruction.Parsing.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.SourceSpan;
import org.iechorfile.engine.syntax.Heredoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstructionErrorsTest {

  @Test
  void parse_unknownInstruction_suggestsTheNearestKeyword() {
    Diagnostic d = error("CPOY . /app");
    assertEquals("unknown instruction: CPOY (did you mean COPY?)", d.message());
    assertEquals(List.of("COPY"), d.suggestions());
    assertEquals(SourceSpan.of(1, 1, 11), d.span());
  }

  @Test
  void parse_unknownInstructionFarFromAny_hasNoSuggestion() {
    Diagnostic d = error("frobnicate now");
    assertEquals("unknown instruction: frobnicate", d.message());
    assertEquals(List.of(), d.suggestions());
  }

  @Test
  void parse_unknownFlag_suggestsAndPointsAtTheFlag() {
    Diagnostic d = error("COPY --form=build /a /b");
    assertEquals("unknown flag: --form (did you mean --from?)", d.message());
    assertEquals(List.of("--from"), d.suggestions());
    assertEquals(SourceSpan.of(1, 6, 12), d.span());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ENV --x=1 A=b|unknown flag: --x",
        "LABEL --x A=b|unknown flag: --x",
        "MAINTAINER --x me|unknown flag: --x",
        "ONBUILD --x RUN true|unknown flag: --x",
        "WORKDIR --x /a|unknown flag: --x",
        "CMD --x true|unknown flag: --x",
        "ENTRYPOINT --x true|unknown flag: --x",
        "EXPOSE --x 80|unknown flag: --x",
        "USER --x me|unknown flag: --x",
        "VOLUME --x /v|unknown flag: --x",
        "SHELL --x [\"sh\"]|unknown flag: --x",
        "COPY --checksum=sha256:0 a b|unknown flag: --checksum",
        "RUN --mount=type=cache,target=/a --mount|missing a value on flag: --mount",
        "FROM --platform alpine|missing a value on flag: --platform",
        "COPY --link= a b|missing a value on flag: --link",
        "COPY --link=yes a b|expecting boolean value for flag --link, not: yes",
        "COPY --from=a --from=b a b|duplicate flag specified: --from",
        "RUN --network=none --network=host true|duplicate flag specified: --network",
        "ADD --unpack --unpack a b|duplicate flag specified: --unpack",
      })
  void parse_badFlag_reportsBuildKitMessage(String text, String expected) {
    assertEquals(expected, message(text));
  }

  @Test
  void parse_flagNotStartingWithDashes_isRejected() {
    Diagnostic d =
        error(
            new org.iechorfile.engine.syntax.Node(
                "COPY",
                List.of("-x"),
                List.of("a", "b"),
                List.of(),
                false,
                List.of(),
                SourceSpan.of(1, 1, 12),
                "COPY -x a b",
                List.of()));
    assertEquals("arg should start with -- : -x", d.message());
  }

  @Test
  void parse_flagsAfterDoubleDash_areNotRead() {
    org.iechorfile.engine.syntax.Node node =
        new org.iechorfile.engine.syntax.Node(
            "COPY",
            List.of("--link", "--", "--bogus"),
            List.of("a", "b"),
            List.of(),
            false,
            List.of(),
            SourceSpan.of(1, 1, 20),
            "COPY --link -- a b",
            List.of());
    assertEquals(true, Parsing.typed(node, Copy.class).link());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "FROM|FROM requires either one or three arguments",
        "FROM a b|FROM requires either one or three arguments",
        "FROM a to b|FROM requires either one or three arguments",
        "FROM a AS 1st|invalid name for build stage: \"1st\", name can't start with a number or"
            + " contain symbols",
        "FROM a AS b$c|invalid name for build stage: \"b$c\", name can't start with a number or"
            + " contain symbols",
        "LABEL|LABEL requires at least one argument",
        "ENV|ENV requires at least one argument",
        "ENV =x|ENV names can not be blank",
        "LABEL =x|LABEL names can not be blank",
        "ARG|ARG requires at least one argument",
        "ARG =x|ARG names can not be blank",
        "MAINTAINER|MAINTAINER requires exactly one argument",
        "WORKDIR|WORKDIR requires exactly one argument",
        "USER|USER requires exactly one argument",
        "STOPSIGNAL|STOPSIGNAL requires exactly one argument",
        "EXPOSE|EXPOSE requires at least one argument",
        "VOLUME|VOLUME requires at least one argument",
        "VOLUME [\"/a\", \" \"]|VOLUME specified can not be an empty string",
        "ONBUILD|ONBUILD requires at least one argument",
        "ONBUILD ONBUILD RUN x|Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
        "ONBUILD from alpine|FROM isn't allowed as an ONBUILD trigger",
        "ONBUILD MAINTAINER me|MAINTAINER isn't allowed as an ONBUILD trigger",
        "ONBUILD CPOY a b|unknown instruction: CPOY (did you mean COPY?)",
        "HEALTHCHECK|HEALTHCHECK requires at least one argument",
        "HEALTHCHECK NONE x|HEALTHCHECK NONE takes no arguments",
        "HEALTHCHECK CMD|Missing command after HEALTHCHECK CMD",
        "HEALTHCHECK run true|Unknown type \"RUN\" in HEALTHCHECK (try CMD)",
        "SHELL|SHELL requires at least one argument",
        "SHELL []|SHELL requires at least one argument",
        "SHELL /bin/sh -c|SHELL requires the arguments to be in JSON form",
        "COPY a|COPY requires at least two arguments, but only one was provided. Destination"
            + " could not be determined",
        "ADD a|ADD requires at least two arguments, but only one was provided. Destination could"
            + " not be determined",
        "COPY a <<EOF|COPY cannot accept a heredoc as a destination",
        "ADD a <<-\"EOF\"|ADD cannot accept a heredoc as a destination",
        "COPY https://example.com/a /b|source can't be a URL for COPY",
        "COPY git@github.com:o/r.git /b|source can't be a git ref for COPY",
        "COPY https://github.com/o/r.git#main /b|source can't be a git ref for COPY",
        "COPY --chmod=8755 a /b|invalid chmod parameter: '8755'. it should be octal string and"
            + " between 0 and 07777",
        "ADD --chmod=17777 a /b|invalid chmod parameter: '17777'. it should be octal string and"
            + " between 0 and 07777",
        "ADD --chmod=u=rwz a /b|invalid chmod parameter: 'u=rwz'. it should be octal string and"
            + " between 0 and 07777",
        "ADD --checksum=sha256:0 a.tar /b|checksum requires HTTP(S) or Git sources",
        "ADD --checksum=sha256:0 http://x/a http://x/b /c|checksum can't be specified for"
            + " multiple sources",
        "RUN --network=bridge true|invalid network mode \"bridge\"",
        "RUN --network= true|invalid network mode \"\"",
        "RUN --security=x --network=y --mount=type=z --device=a,b true|invalid field 'b' must be"
            + " a key=value pair",
        "RUN --security=x --network=y --mount=type=z true|unsupported mount type \"z\"",
        "RUN --security=x --network=y true|invalid network mode \"y\"",
        "RUN --security=privileged true|security \"privileged\" is not valid",
        "RUN --device=a,b true|invalid field 'b' must be a key=value pair",
        "RUN --device=a,colour=red true|unexpected key 'colour' in 'colour=red'",
        "RUN --device=a,name=b true|device name already set to a",
        "RUN --device=required true|device name is required",
        "RUN --device=a,required=maybe true|invalid value for required: maybe",
      })
  void parse_badArguments_reportBuildKitMessage(String text, String expected) {
    assertEquals(expected, message(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--interval=1x|time: unknown unit \"x\" in duration \"1x\"",
        "--timeout=5|time: missing unit in duration \"5\"",
        "--start-period=abc|time: invalid duration \"abc\"",
        "--interval=500us|Interval \"interval\" cannot be less than 1ms",
        "--start-interval=-1s|Interval \"start-interval\" cannot be less than 1ms",
        "--retries=-1|--retries cannot be negative (-1)",
        "--retries=three|strconv.ParseInt: parsing \"three\": invalid syntax",
        "--retries=99999999999|strconv.ParseInt: parsing \"99999999999\": value out of range",
      })
  void parse_badHealthcheckOption_reportsGoMessage(String flag, String expected) {
    assertEquals(expected, message("HEALTHCHECK " + flag + " CMD true"));
  }

  @Test
  void parse_badFlagValue_pointsAtTheFlag() {
    Diagnostic d = error("RUN --network=bridge true");
    assertEquals(SourceSpan.of(1, 15, 6), d.span());
  }

  @Test
  void parse_copyHeredocDestinationWithBody_isRejected() {
    Heredoc body = new Heredoc("EOF", "x\n", true, false, 0);
    assertEquals(
        "COPY cannot accept a heredoc as a destination",
        error(TestNodes.node("COPY a <<EOF", List.of(body))).message());
  }

  @Test
  void parse_literalChecksOnVariables_waitForExpansion() {
    Parsing.typed("COPY $SRC /b", Copy.class);
    Parsing.typed("COPY --chmod=$MODE a /b", Copy.class);
    Parsing.typed("ADD --checksum=sha256:0 $URL /b", Add.class);
  }
}
