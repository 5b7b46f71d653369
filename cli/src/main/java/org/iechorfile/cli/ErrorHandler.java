package org.iechorfile.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an unexpected exception into one line on standard error; the stack trace only with {@code
 * --debug} (or {@code IECHOR_DEBUG=1}).
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  static final int INTERNAL_ERROR = 70;

  @Override
  public int handleExecutionException(Exception e, CommandLine line, ParseResult parsed) {
    line.getErr().println("iechorfile: " + describe(e));
    if (debug(parsed)) {
      e.printStackTrace(line.getErr());
    }
    line.getErr().flush();
    return INTERNAL_ERROR;
  }

  private static boolean debug(ParseResult parsed) {
    return parsed.originalArgs().contains("--debug") || "1".equals(System.getenv("IECHOR_DEBUG"));
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
