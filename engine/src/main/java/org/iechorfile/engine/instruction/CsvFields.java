package org.iechorfile.engine.instruction;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of comma-separated values the way Go's {@code encoding/csv} reads a record:
 * double-quoted fields may contain commas and {@code ""} for a quote; a quote inside an unquoted
 * field is an error.
 */
final class CsvFields {

  private CsvFields() {}

  /** The fields of {@code line}; {@code what} names the flag in error messages ({@code mounts}). */
  static List<String> split(String line, String what) throws InstructionException {
    if (line.isEmpty()) {
      throw new InstructionException("failed to parse csv " + what + ": EOF", line);
    }
    List<String> fields = new ArrayList<>();
    int i = 0;
    while (true) {
      StringBuilder field = new StringBuilder();
      if (i < line.length() && line.charAt(i) == '"') {
        i = quoted(line, i + 1, field, what);
      } else {
        while (i < line.length() && line.charAt(i) != ',') {
          if (line.charAt(i) == '"') {
            throw error(line, i, "bare \" in non-quoted-field", what);
          }
          field.append(line.charAt(i++));
        }
      }
      fields.add(field.toString());
      if (i >= line.length()) {
        return fields;
      }
      i++;
    }
  }

  private static int quoted(String line, int start, StringBuilder field, String what)
      throws InstructionException {
    int i = start;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c != '"') {
        field.append(c);
        i++;
      } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i += 2;
      } else if (i + 1 == line.length() || line.charAt(i + 1) == ',') {
        return i + 1;
      } else {
        throw error(line, i + 1, "extraneous or missing \" in quoted-field", what);
      }
    }
    throw error(line, i, "extraneous or missing \" in quoted-field", what);
  }

  private static InstructionException error(String line, int index, String problem, String what) {
    return new InstructionException(
        "failed to parse csv "
            + what
            + ": parse error on line 1, column "
            + (index + 1)
            + ": "
            + problem,
        line);
  }
}
