package org.iechorfile.repl;

import java.io.IOException;
import java.util.Optional;
import org.iechorfile.engine.inspect.CursorHelp;
import org.iechorfile.engine.inspect.CursorInspector;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.utils.InfoCmp;

/**
 * Alt-h (Esc h) and F1: show, above the prompt, the documentation of the instruction, flag or
 * {@code %} command under the cursor, or what is at the image path under it, as Shift-Tab does in a
 * notebook; the line being typed and its cursor stay as they were.
 */
final class HelpKey {

  /** The name of the widget, as a key binding refers to it. */
  static final String WIDGET = "iechorfile-help-at-cursor";

  /** One line for the {@code %help} overview, naming the keys. */
  static final String KEYS =
      "\nKeys: Tab completes; Alt-h (Esc h) or F1 shows the documentation of the instruction,"
          + " flag or command under the cursor, or what is at the image path under it.\n";

  private static final System.Logger LOG = System.getLogger(HelpKey.class.getName());

  private final LineReader reader;
  private final CursorInspector inspector;
  private final Styles styles;

  private HelpKey(LineReader reader, CursorInspector inspector, Styles styles) {
    this.reader = reader;
    this.inspector = inspector;
    this.styles = styles;
  }

  /**
   * Adds the widget to {@code reader} and binds it to Alt-h and, where the terminal names it, F1,
   * in the main key map.
   */
  static void bind(LineReader reader, CursorInspector inspector, Styles styles) {
    HelpKey key = new HelpKey(reader, inspector, styles);
    reader.getWidgets().put(WIDGET, key::show);
    KeyMap<Binding> main = reader.getKeyMaps().get(LineReader.MAIN);
    Reference widget = new Reference(WIDGET);
    main.bind(widget, KeyMap.alt('h'));
    String f1 = KeyMap.key(reader.getTerminal(), InfoCmp.Capability.key_f1);
    if (f1 != null && !f1.isEmpty()) {
      main.bind(widget, f1);
    }
  }

  /** The widget: prints what is at the cursor above the prompt; always keeps the line. */
  private boolean show() {
    String buffer = reader.getBuffer().toString();
    int cursor = Offsets.codePoints(buffer, reader.getBuffer().cursor());
    reader.printAbove(text(buffer, cursor));
    return true;
  }

  private String text(String buffer, int cursor) {
    try {
      Optional<CursorHelp> help = inspector.at(buffer, cursor);
      if (help.isPresent()) {
        return help.get().plainText();
      }
      return styles.dim(
          "nothing to explain under the cursor; put it on an instruction, a flag, a %command"
              + " or an image path (or type %help)");
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot look at the image under the cursor", e);
      return styles.error(
          "cannot read the image's files from the store: "
              + e.getMessage()
              + "; check IECHOR_HOME, or %reset to start over");
    } catch (RuntimeException e) {
      // Part of the REPL's outermost loop: an engine fault must not end the line being typed.
      LOG.log(System.Logger.Level.DEBUG, "engine fault", e);
      return styles.error(
          "internal error: "
              + e.getMessage()
              + "; the session may be inconsistent: %reset to start over, or leave with Ctrl-D");
    }
  }
}
