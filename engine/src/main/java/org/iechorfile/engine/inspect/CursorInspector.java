package org.iechorfile.engine.inspect;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.Documentation;
import org.iechorfile.engine.session.Session;

/**
 * Decides what to show for the cursor, for the REPL's help key and the kernel's {@code
 * inspect_request}: an image path under the cursor is looked up in the session's current image;
 * anything else is documented by the {@link Analysis}. A path that the current image does not have
 * shows nothing, rather than the documentation of the instruction around it, so that the user
 * learns the path is missing.
 *
 * <p>Used from the session's thread, like the session itself.
 */
public final class CursorInspector {

  private final Analysis analysis;
  private final Optional<Session> session;

  /**
   * An inspector that only documents the language; image paths are treated as plain words.
   *
   * @param analysis the analysis that documents the language; not null
   */
  public CursorInspector(Analysis analysis) {
    this.analysis = Objects.requireNonNull(analysis, "analysis");
    this.session = Optional.empty();
  }

  /**
   * An inspector that documents the language and shows what is at image paths in {@code session}'s
   * current image.
   *
   * @param analysis the analysis that documents the language; not null
   * @param session the session whose current image paths are looked up in; not null, not closed by
   *     the inspector
   */
  public CursorInspector(Analysis analysis, Session session) {
    this.analysis = Objects.requireNonNull(analysis, "analysis");
    this.session = Optional.of(Objects.requireNonNull(session, "session"));
  }

  /**
   * What to show for {@code cursor} in {@code input}. With a session, an image path under the
   * cursor (as {@link Analysis#pathAt} finds it; relative paths start from the current image's
   * WORKDIR) gives a {@link CursorHelp.Kind#PATH} report, or nothing when the current image has no
   * such path. Otherwise the documentation {@link Analysis#inspect} finds gives a {@link
   * CursorHelp.Kind#DOCUMENTATION}. Emits no events and changes nothing.
   *
   * @param input the REPL buffer or notebook cell; not null
   * @param cursor code-point offset of the cursor; clamped to the input
   * @return what to show, or empty when the cursor is on nothing documented and no existing path
   * @throws IOException when the store holding the image's layers cannot be read
   */
  public Optional<CursorHelp> at(String input, int cursor) throws IOException {
    Optional<String> path = analysis.pathAt(input, cursor);
    if (path.isPresent() && session.isPresent()) {
      return describe(session.get(), path.get());
    }
    return analysis.inspect(input, cursor).map(CursorInspector::documentation);
  }

  private static Optional<CursorHelp> describe(Session session, String path) throws IOException {
    Answer<PathReport> report = new ImageInspector(session).describe(OptionalInt.empty(), path);
    return report
        .value()
        .map(
            found ->
                new CursorHelp(
                    CursorHelp.Kind.PATH,
                    found.entry().path(),
                    found.toPlainText(),
                    found.toMarkdown()));
  }

  private static CursorHelp documentation(Documentation docs) {
    return new CursorHelp(
        CursorHelp.Kind.DOCUMENTATION, docs.topic(), docs.toPlainText(), docs.toMarkdown());
  }
}
