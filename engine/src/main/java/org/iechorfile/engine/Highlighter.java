package org.iechorfile.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.command.catalogue.ArgumentKind;
import org.iechorfile.engine.command.catalogue.CommandCatalogue;
import org.iechorfile.engine.command.catalogue.CommandSpec;
import org.iechorfile.engine.syntax.Keyword;

/** Turns a scanned cell into highlight tokens with code-point offsets. */
final class Highlighter {

  private final Cell cell;
  private final List<Token> tokens = new ArrayList<>();

  private Highlighter(Cell cell) {
    this.cell = cell;
  }

  static List<Token> tokens(Cell cell) {
    Highlighter highlighter = new Highlighter(cell);
    for (Item item : cell.items()) {
      highlighter.item(item);
    }
    highlighter.tokens.sort(Comparator.comparingInt(Token::start));
    return List.copyOf(highlighter.tokens);
  }

  private void item(Item item) {
    switch (item.kind()) {
      case DIRECTIVE:
        whole(item, Token.Kind.DIRECTIVE);
        break;
      case COMMENT:
        whole(item, Token.Kind.COMMENT);
        break;
      case COMMAND:
        TextLexer commandLexer = new TextLexer(item.text(), '\\');
        command(item.text(), commandLexer);
        emit(item, commandLexer);
        break;
      case INSTRUCTION:
        TextLexer lexer = new TextLexer(item.text(), cell.escape());
        instruction(item, lexer, 0);
        emit(item, lexer);
        extras(item);
        break;
      default:
        break;
    }
  }

  private void whole(Item item, Token.Kind kind) {
    if (!item.text().isEmpty()) {
      tokens.add(new Token(kind, item.offset(0), item.offsetAfter(item.text().length())));
    }
  }

  private void instruction(Item item, TextLexer lexer, int from) {
    String text = item.text();
    Optional<Shape> found = Shape.of(text, cell.escape(), from);
    if (found.isEmpty()) {
      return;
    }
    Shape shape = found.get();
    Optional<Keyword> keyword = shape.keyword();
    Word head = shape.head();
    lexer.add(
        keyword.isPresent() ? Token.Kind.KEYWORD : Token.Kind.UNKNOWN_KEYWORD,
        head.start(),
        head.end());
    for (Word flag : shape.flags()) {
      int equals = flag.text().indexOf('=');
      int nameEnd = equals < 0 ? flag.end() : flag.start() + equals;
      lexer.add(Token.Kind.FLAG, flag.start(), nameEnd);
      if (equals >= 0) {
        lexer.add(Token.Kind.OPERATOR, nameEnd, nameEnd + 1);
        lexer.value(nameEnd + 1, flag.end(), Token.Kind.FLAG_VALUE, false);
      }
    }
    if (keyword.isEmpty() || shape.args().isEmpty()) {
      return;
    }
    arguments(item, lexer, shape, keyword.get());
  }

  private void arguments(Item item, TextLexer lexer, Shape shape, Keyword keyword) {
    String text = item.text();
    int end = text.length();
    int json = shape.jsonStart();
    if (keyword == Keyword.ONBUILD) {
      instruction(item, lexer, shape.argsStart());
    } else if (keyword == Keyword.HEALTHCHECK) {
      Word type = shape.args().get(0);
      lexer.add(Token.Kind.KEYWORD, type.start(), type.end());
      int rest = shape.args().size() > 1 ? shape.args().get(1).start() : end;
      if (json >= 0 && JsonProbe.probe(text, json) != JsonProbe.Result.NOT_JSON) {
        lexer.json(json, end);
      } else {
        lexer.shell(rest, end, List.of());
      }
    } else if (json >= 0 && JsonProbe.probe(text, json) != JsonProbe.Result.NOT_JSON) {
      lexer.json(json, end);
    } else if (json >= 0) {
      lexer.shell(shape.argsStart(), end, item.markers());
    } else if (keyword == Keyword.FROM) {
      for (int i = 0; i < shape.args().size(); i++) {
        Word word = shape.args().get(i);
        if (i == 1 && word.text().equalsIgnoreCase("AS")) {
          lexer.add(Token.Kind.KEYWORD, word.start(), word.end());
        } else {
          lexer.value(word.start(), word.end(), null, false);
        }
      }
    } else if (keyword == Keyword.ENV || keyword == Keyword.ARG || keyword == Keyword.LABEL) {
      for (Word word : shape.args()) {
        assignment(lexer, word, keyword != Keyword.LABEL);
      }
    } else {
      boolean numbers = keyword == Keyword.EXPOSE || keyword == Keyword.STOPSIGNAL;
      lexer.value(shape.argsStart(), end, null, numbers);
    }
  }

  private static void assignment(TextLexer lexer, Word word, boolean nameIsVariable) {
    int equals = word.text().indexOf('=');
    int quote = Math.max(word.text().indexOf('"'), word.text().indexOf('\''));
    if (equals <= 0 || (quote >= 0 && quote < equals)) {
      lexer.value(word.start(), word.end(), null, false);
      return;
    }
    if (nameIsVariable) {
      lexer.add(Token.Kind.VARIABLE, word.start(), word.start() + equals);
    }
    lexer.add(Token.Kind.OPERATOR, word.start() + equals, word.start() + equals + 1);
    lexer.value(word.start() + equals + 1, word.end(), null, true);
  }

  private void command(String text, TextLexer lexer) {
    List<Word> words = Word.split(text, '\\');
    Word head = words.get(0);
    Optional<CommandSpec> spec =
        head.text().length() > 1 ? CommandCatalogue.standard().find(head.text()) : Optional.empty();
    lexer.add(
        spec.isPresent() ? Token.Kind.COMMAND : Token.Kind.UNKNOWN_COMMAND,
        head.start(),
        head.end());
    if (spec.isEmpty() || words.size() < 2) {
      return;
    }
    ArgumentKind argument = spec.get().argument();
    if (argument == ArgumentKind.COMMAND_LINE) {
      lexer.shell(words.get(1).start(), text.length(), List.of());
      return;
    }
    for (Word word : words.subList(1, words.size())) {
      commandWord(lexer, word, argument);
    }
  }

  private static void commandWord(TextLexer lexer, Word word, ArgumentKind argument) {
    String text = word.text();
    if (text.startsWith("-") && text.length() > 1 && !Character.isDigit(text.charAt(1))) {
      int equals = text.indexOf('=');
      int nameEnd = equals < 0 ? word.end() : word.start() + equals;
      lexer.add(Token.Kind.OPTION, word.start(), nameEnd);
      if (equals >= 0) {
        lexer.add(Token.Kind.OPERATOR, nameEnd, nameEnd + 1);
        lexer.value(nameEnd + 1, word.end(), null, true);
      }
    } else if (argument == ArgumentKind.TOPIC) {
      boolean known =
          Keyword.lookup(text).isPresent()
              || (text.startsWith("%") && CommandCatalogue.standard().find(text).isPresent());
      Token.Kind kind = text.startsWith("%") ? Token.Kind.COMMAND : Token.Kind.KEYWORD;
      if (known) {
        lexer.add(kind, word.start(), word.end());
      }
    } else if (argument == ArgumentKind.ASSIGNMENT) {
      assignment(lexer, word, true);
    } else {
      lexer.value(word.start(), word.end(), null, true);
    }
  }

  /** Maps spans in an item's text to tokens, split where the text crosses a line break. */
  private void emit(Item item, TextLexer lexer) {
    for (TextLexer.Span span : lexer.spans()) {
      int runStart = span.start();
      for (int i = span.start() + 1; i <= span.end(); i++) {
        boolean broken = i == span.end() || item.offset(i) > item.offset(i - 1) + 1;
        if (broken) {
          tokens.add(new Token(span.kind(), item.offset(runStart), item.offsetAfter(i)));
          runStart = i;
        }
      }
    }
  }

  /** Continuation escapes, comment lines inside continuations and heredoc bodies. */
  private void extras(Item item) {
    for (Item.Range escape : item.escapes()) {
      tokens.add(new Token(Token.Kind.PUNCTUATION, escape.start(), escape.start() + 1));
    }
    for (int index : item.innerComments()) {
      line(index, Token.Kind.COMMENT);
    }
    for (Item.Body body : item.bodies()) {
      for (int index = body.firstLine(); index <= body.lastLine(); index++) {
        line(index, Token.Kind.HEREDOC_BODY);
      }
      if (body.terminated()) {
        line(body.terminator(), Token.Kind.HEREDOC_MARKER);
      }
    }
  }

  private void line(int index, Token.Kind kind) {
    Line line = cell.lines().get(index);
    int lead = kind == Token.Kind.COMMENT ? Line.leadingBlanks(line.text()) : 0;
    if (lead < line.text().length()) {
      tokens.add(new Token(kind, line.offset(lead), line.end()));
    }
  }
}
