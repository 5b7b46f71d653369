package org.iechorfile.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a cell or REPL buffer into logical lines the way the line parser reads an iEchorfile
 * (directives, comments, continuations, heredoc bodies), with {@code %} command lines mixed in.
 * Pure and total: any text gives a result.
 *
 * <p>One deliberate addition to the file format: a JSON array left open at the end of a line
 * continues onto the next line (when that keeps it valid JSON), so that exec forms can be typed
 * over several lines at a prompt. {@link Item#joins()} records where, so that the text can be given
 * an escape there before it is applied.
 */
final class CellScanner {

  private static final Pattern DIRECTIVE =
      Pattern.compile("^[ \\t]*#[ \\t]*([A-Za-z][A-Za-z0-9]*)[ \\t]*=[ \\t]*(.*?)[ \\t]*$");
  private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");

  private final List<Line> lines;
  private final List<Item> items = new ArrayList<>();
  private char escape = '\\';
  private int next;

  private CellScanner(List<Line> lines) {
    this.lines = lines;
  }

  /** Splits {@code input} into logical lines. */
  static Cell scan(String input) {
    CellScanner scanner = new CellScanner(Line.split(input));
    scanner.scanDirectives();
    while (scanner.next < scanner.lines.size()) {
      scanner.scanItem();
    }
    return new Cell(List.copyOf(scanner.lines), List.copyOf(scanner.items), scanner.escape);
  }

  private void scanDirectives() {
    Set<String> seen = new HashSet<>();
    while (next < lines.size()) {
      Line line = lines.get(next);
      Matcher m = DIRECTIVE.matcher(line.text());
      String name = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : "";
      if (!DIRECTIVES.contains(name)) {
        return;
      }
      // Errors in directives are the line parser's to report; a bad escape leaves \ in effect.
      if (seen.add(name) && name.equals("escape")) {
        String value = m.group(2);
        if (value.equals("\\") || value.equals("`")) {
          escape = value.charAt(0);
        }
      }
      items.add(Item.single(Item.Kind.DIRECTIVE, line, Line.leadingBlanks(line.text())));
      next++;
    }
  }

  private void scanItem() {
    Line line = lines.get(next);
    int lead = Line.leadingBlanks(line.text());
    if (lead == line.text().length()) {
      items.add(Item.single(Item.Kind.BLANK, line, lead));
      next++;
    } else if (line.text().charAt(lead) == '#') {
      items.add(Item.single(Item.Kind.COMMENT, line, lead));
      next++;
    } else if (line.text().charAt(lead) == '%') {
      items.add(Item.single(Item.Kind.COMMAND, line, lead));
      next++;
    } else {
      scanInstruction(line, lead);
    }
  }

  private void scanInstruction(Line first, int lead) {
    Assembly text = new Assembly();
    List<Item.Range> escapes = new ArrayList<>();
    List<Integer> comments = new ArrayList<>();
    List<Integer> joins = new ArrayList<>();
    boolean continuing = appendFragment(text, first, lead, escapes);
    next++;
    Item.Open open = Item.Open.NOTHING;
    boolean lastBlank = false;
    while (true) {
      if (!continuing && endsInOpenArray(text)) {
        if (next >= lines.size()) {
          open = Item.Open.JSON_ARRAY;
          break;
        }
        continuing = nextLineContinuesArray(text);
        if (continuing) {
          joins.add(next - 1);
        }
      }
      if (!continuing) {
        break;
      }
      if (next >= lines.size()) {
        open =
            lastBlank
                ? Item.Open.NOTHING
                : joins.contains(next - 1) ? Item.Open.JSON_ARRAY : Item.Open.CONTINUATION;
        break;
      }
      Line line = lines.get(next);
      int lineLead = Line.leadingBlanks(line.text());
      lastBlank = lineLead == line.text().length();
      if (!lastBlank && line.text().charAt(lineLead) == '#') {
        comments.add(next);
      } else if (!lastBlank) {
        continuing = appendFragment(text, line, 0, escapes);
      }
      next++;
    }
    finishInstruction(text, first.index(), escapes, comments, joins, open);
  }

  /** Whether the instruction so far ends inside a JSON array (exec form) that is not closed. */
  private boolean endsInOpenArray(Assembly text) {
    String joined = text.text();
    if (joined.indexOf('[') < 0) {
      return false;
    }
    int json = Shape.of(joined, escape, 0).map(Shape::effective).map(Shape::jsonStart).orElse(-1);
    return json >= 0 && JsonProbe.probe(joined, json) == JsonProbe.Result.OPEN;
  }

  /** Whether the next physical line can continue the open JSON array (keeping it valid JSON). */
  private boolean nextLineContinuesArray(Assembly text) {
    String joined = text.text();
    int json = Shape.of(joined, escape, 0).map(Shape::effective).map(Shape::jsonStart).orElse(-1);
    Line line = lines.get(next);
    return line.isBlank()
        || JsonProbe.probe(joined + line.text(), json) != JsonProbe.Result.NOT_JSON;
  }

  /** Appends a physical line's fragment; returns whether it ends in a continuation escape. */
  private boolean appendFragment(Assembly text, Line line, int from, List<Item.Range> escapes) {
    String s = line.text();
    int end = s.length();
    while (end > from && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    boolean continues =
        end > from
            && s.charAt(end - 1) == escape
            && (end - 1 == from || s.charAt(end - 2) != escape);
    if (continues) {
      text.append(line, from, end - 1);
      escapes.add(new Item.Range(line.offset(end - 1), line.end()));
    } else {
      text.append(line, from, s.length());
    }
    return continues;
  }

  private void finishInstruction(
      Assembly text,
      int firstLine,
      List<Item.Range> escapes,
      List<Integer> comments,
      List<Integer> joins,
      Item.Open open) {
    String joined = text.text();
    List<HeredocMarker> markers = List.of();
    List<Item.Body> bodies = new ArrayList<>();
    Optional<Shape> shape = Shape.of(joined, escape, 0).map(Shape::heredocCarrier);
    if (open == Item.Open.NOTHING
        && shape.isPresent()
        && shape.get().allowsHeredocs()
        && JsonProbe.probe(joined, shape.get().jsonStart()) == JsonProbe.Result.NOT_JSON) {
      markers = HeredocMarker.find(joined);
      for (HeredocMarker marker : markers) {
        bodies.add(scanBody(marker));
      }
      if (!bodies.isEmpty() && !bodies.get(bodies.size() - 1).terminated()) {
        open = Item.Open.HEREDOC;
      }
    }
    items.add(
        new Item(
            Item.Kind.INSTRUCTION,
            joined,
            text.offsets(),
            firstLine,
            Math.max(firstLine, next - 1),
            List.copyOf(escapes),
            List.copyOf(comments),
            List.copyOf(markers),
            List.copyOf(bodies),
            open,
            List.copyOf(joins)));
  }

  private Item.Body scanBody(HeredocMarker marker) {
    int first = next;
    while (next < lines.size()) {
      String text = lines.get(next).text();
      if (marker.chomp()) {
        int tabs = 0;
        while (tabs < text.length() && text.charAt(tabs) == '\t') {
          tabs++;
        }
        text = text.substring(tabs);
      }
      if (text.equals(marker.name())) {
        next++;
        return new Item.Body(marker, first, next - 1, next - 2);
      }
      next++;
    }
    return new Item.Body(marker, first, -1, next - 1);
  }
}
