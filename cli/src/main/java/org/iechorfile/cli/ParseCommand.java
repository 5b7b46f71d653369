package org.iechorfile.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.instruction.InstructionJson;
import org.iechorfile.engine.instruction.InstructionParser;
import org.iechorfile.engine.instruction.ParsedInstructions;
import org.iechorfile.engine.syntax.BuildkitDump;
import org.iechorfile.engine.syntax.LineParser;
import org.iechorfile.engine.syntax.ParsedFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iechorfile parse}: prints the parsed instructions of an iEchorfile. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Print the parsed instructions of an iEchorfile.",
      "Errors print as FILE:LINE:COL: message and the exit status is 1."
    })
final class ParseCommand implements Callable<Integer> {

  /** The output formats. */
  enum Format {
    /** The typed instructions as JSON. */
    json,
    /** BuildKit's parser dump: one s-expression per instruction, no validation. */
    buildkit
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      defaultValue = "json",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Parameters(paramLabel = "FILE", description = "The iEchorfile to parse; - reads standard input.")
  String file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String text;
    try {
      text = read(file);
    } catch (NoSuchFileException e) {
      err.println("iechorfile: " + file + ": no such file");
      return ExitCodes.FAILED;
    } catch (IOException e) {
      err.println("iechorfile: cannot read " + file + ": " + e.getMessage());
      return ExitCodes.FAILED;
    }
    ParsedFile parsed = LineParser.parse(text);
    if (format == Format.buildkit) {
      report(err, parsed.diagnostics());
      if (parsed.hasErrors()) {
        return ExitCodes.FAILED;
      }
      out.println(BuildkitDump.render(parsed.nodes()));
    } else {
      ParsedInstructions typed = new InstructionParser().parse(parsed);
      report(err, typed.diagnostics());
      if (typed.hasErrors()) {
        return ExitCodes.FAILED;
      }
      out.println(InstructionJson.toJson(typed));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private void report(PrintWriter err, List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      String severity = d.isError() ? "" : d.severity().name().toLowerCase() + ": ";
      String rule = d.rule().isEmpty() ? "" : " [" + d.rule() + "]";
      err.println(file + ":" + d.format().replaceFirst(": ", ": " + severity) + rule);
    }
    err.flush();
  }

  /** Reads the file as UTF-8; malformed bytes become U+FFFD rather than failing the parse. */
  private static String read(String file) throws IOException {
    byte[] bytes;
    if (file.equals("-")) {
      InputStream in = System.in;
      bytes = in.readAllBytes();
    } else {
      bytes = Files.readAllBytes(Path.of(file));
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
