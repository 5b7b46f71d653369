package org.iechorfile.engine.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.iechorfile.engine.fs.FileEntry;
import org.iechorfile.engine.fs.LayeredView;
import org.iechorfile.engine.fs.TreeDiff;
import org.iechorfile.engine.fs.Waste;
import org.iechorfile.engine.fs.WastedFile;
import org.iechorfile.engine.image.RuntimeConfig;
import org.iechorfile.engine.session.ConfigDiff;
import org.iechorfile.engine.session.ImageState;
import org.iechorfile.engine.session.LayerRef;
import org.iechorfile.engine.session.Session;
import org.iechorfile.engine.session.StepInfo;

/**
 * Looks at a session's image at any step without mounting anything: lists, reads, trees, finds,
 * stats and measures paths, diffs steps, lists layers and traces wasted space. Every method takes
 * the step to look at ({@code OptionalInt.empty()} for the current one); relative paths are taken
 * from the image's WORKDIR. A mistake (no such step, no such path) is an {@link Answer} with a
 * message, never an exception; {@link IOException} means the store could not be read.
 *
 * <p>Used from the session's thread, like the session itself.
 */
public final class ImageInspector {

  /** How many bytes {@link #read} returns by default. */
  public static final int READ_LIMIT = 64 * 1024;

  private static final int BINARY_PROBE = 8000;

  private final Session session;

  /** An inspector of {@code session}'s steps. */
  public ImageInspector(Session session) {
    this.session = session;
  }

  /** The entries of directory {@code path}; names starting with a dot only when {@code all}. */
  public Answer<List<FileEntry>> list(OptionalInt step, String path, boolean all)
      throws IOException {
    return at(
        step,
        path,
        (view, absolute) -> {
          List<FileEntry> entries = view.list(absolute);
          return all ? entries : entries.stream().filter(e -> !e.name().startsWith(".")).toList();
        });
  }

  /** Up to {@code limit} bytes of file {@code path} as text, or a note that it is binary. */
  public Answer<FileText> read(OptionalInt step, String path, int limit) throws IOException {
    return at(
        step,
        path,
        (view, absolute) -> {
          long size = view.stat(absolute).map(FileEntry::size).orElse(0L);
          byte[] head;
          try (InputStream in = view.open(absolute)) {
            head = in.readNBytes(limit);
          }
          String resolved = absolute;
          if (isBinary(head)) {
            return new FileText(resolved, "", true, size, false);
          }
          String text = new String(head, StandardCharsets.UTF_8);
          return new FileText(resolved, text, false, size, head.length < size);
        });
  }

  /** Directory {@code path} as a tree, at most {@code depth} levels below it. */
  public Answer<List<TreeLine>> tree(OptionalInt step, String path, int depth) throws IOException {
    return at(
        step,
        path,
        (view, absolute) -> {
          List<TreeLine> lines = new ArrayList<>();
          view.walk(
              absolute,
              (entry, level) -> {
                lines.add(new TreeLine(level, entry));
                return level < depth;
              });
          return lines;
        });
  }

  /**
   * The entries whose path matches {@code glob}: a glob without a slash matches names anywhere, one
   * with a slash whole paths ({@code *} within an element, {@code **} across elements).
   */
  public Answer<List<FileEntry>> find(OptionalInt step, String glob) throws IOException {
    PathMatcher matcher;
    try {
      matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (IllegalArgumentException e) {
      return Answer.problem("%find: " + glob + " is not a valid glob: " + e.getMessage());
    }
    boolean byName = !glob.contains("/");
    return at(
        step,
        "/",
        (view, absolute) -> {
          List<FileEntry> found = new ArrayList<>();
          view.walk(
              "/",
              (entry, level) -> {
                if (level > 0) {
                  Path candidate =
                      byName
                          ? Path.of(entry.name())
                          : Path.of(
                              glob.startsWith("/") ? entry.path() : entry.path().substring(1));
                  if (matcher.matches(candidate)) {
                    found.add(entry);
                  }
                }
                return true;
              });
          return found;
        });
  }

  /** The metadata of {@code path} (a link itself, not its target) and the step that made it. */
  public Answer<PathInfo> stat(OptionalInt step, String path) throws IOException {
    Answer<ImageState> state = state(step);
    if (!state.found()) {
      return Answer.problem(state.problem());
    }
    String absolute = absolute(state.get(), path);
    Optional<FileEntry> entry = view(state.get()).stat(absolute);
    if (entry.isEmpty()) {
      return Answer.problem(absolute + ": no such file or directory in the image" + where(step));
    }
    StepOrigin origin = LayerOrigins.of(session, state.get()).of(entry.get().layer(), 0);
    return Answer.of(new PathInfo(entry.get(), origin));
  }

  /**
   * What is at {@code path} (absolute, or relative to the WORKDIR): its metadata with owner names,
   * and for a directory its first entries, for a text file its first lines.
   */
  public Answer<PathReport> describe(OptionalInt step, String path) throws IOException {
    return at(step, path, PathReports::of);
  }

  /** The bytes below {@code path} and below each of its entries, largest first. */
  public Answer<DiskUsage> du(OptionalInt step, String path) throws IOException {
    return at(
        step,
        path,
        (view, absolute) -> {
          List<DiskUsage.Item> items = new ArrayList<>();
          long total = 0;
          FileEntry start =
              view.stat(absolute).orElseThrow(() -> new NoSuchFileException(absolute));
          if (!start.isDirectory()) {
            return new DiskUsage(absolute, start.size(), List.of());
          }
          for (FileEntry child : view.list(absolute)) {
            long[] bytes = {child.size()};
            if (child.isDirectory()) {
              bytes[0] = 0;
              view.walk(
                  child.path(),
                  (entry, level) -> {
                    bytes[0] += entry.size();
                    return entry.isDirectory();
                  });
            }
            items.add(new DiskUsage.Item(child.path(), bytes[0]));
            total += bytes[0];
          }
          items.sort(Comparator.comparingLong(DiskUsage.Item::bytes).reversed());
          return new DiskUsage(absolute, total, items);
        });
  }

  /**
   * The difference between two steps. With neither given: the last live step against its parent;
   * with {@code from} only: that step against its parent.
   */
  public Answer<StepDiff> diff(OptionalInt from, OptionalInt to) throws IOException {
    int last = (int) session.steps().stream().filter(StepInfo::live).count();
    int a;
    int b;
    if (from.isEmpty()) {
      if (last == 0) {
        return Answer.problem("%diff: there are no steps yet; apply an instruction first");
      }
      a = last - 1;
      b = last;
    } else if (to.isEmpty()) {
      b = from.getAsInt();
      a = b - 1;
    } else {
      a = from.getAsInt();
      b = to.getAsInt();
    }
    Answer<ImageState> before = state(a == 0 ? OptionalInt.of(0) : OptionalInt.of(a));
    Answer<ImageState> after = state(OptionalInt.of(b));
    if (!before.found() || !after.found()) {
      return Answer.problem(before.found() ? after.problem() : before.problem());
    }
    TreeDiff files =
        TreeDiff.between(view(before.get()), view(after.get()), TreeDiff.Times.COMPARED);
    return Answer.of(
        new StepDiff(a, b, files, ConfigDiff.between(before.get().config(), after.get().config())));
  }

  /** What the last failed step changed before it failed, against the current step. */
  public Answer<StepDiff> diffFailed() throws IOException {
    Optional<Path> failed = session.failedLayer();
    if (failed.isEmpty()) {
      return Answer.problem(
          "%diff --failed: no step has failed since the last one applied; it shows the files of a"
              + " failed RUN until the next step");
    }
    ImageState current = session.current();
    List<Path> layers = new ArrayList<>(directories(current));
    layers.add(failed.get());
    TreeDiff files =
        TreeDiff.between(view(current), LayeredView.of(layers), TreeDiff.Times.COMPARED);
    int live = (int) session.steps().stream().filter(StepInfo::live).count();
    return Answer.of(new StepDiff(live, live + 1, files, List.of()));
  }

  /** The layers of the image at {@code step}, base first, each with the step that made it. */
  public Answer<List<LayerInfo>> layers(OptionalInt step) throws IOException {
    Answer<ImageState> state = state(step);
    if (!state.found()) {
      return Answer.problem(state.problem());
    }
    LayerOrigins origins = LayerOrigins.of(session, state.get());
    List<StepInfo> steps = session.steps();
    List<LayerInfo> layers = new ArrayList<>();
    List<LayerRef> refs = state.get().layers();
    for (int i = 0; i < refs.size(); i++) {
      StepOrigin origin = origins.of(i, 0);
      boolean cached = origin.step() > 0 && steps.get(origin.step() - 1).cached();
      long files;
      try (var walk = java.nio.file.Files.walk(refs.get(i).directory())) {
        files = walk.count() - 1;
      }
      layers.add(new LayerInfo(origin, refs.get(i).bytes(), files, cached));
    }
    return Answer.of(layers);
  }

  /** The image's wasted space at {@code step}, traced to the steps that added and hid it. */
  public Answer<WasteReport> waste(OptionalInt step) throws IOException {
    Answer<ImageState> state = state(step);
    if (!state.found()) {
      return Answer.problem(state.problem());
    }
    Waste waste = Waste.of(view(state.get()));
    LayerOrigins origins = LayerOrigins.of(session, state.get());
    List<WasteReport.Item> items = new ArrayList<>();
    for (WastedFile file : waste.files()) {
      items.add(
          new WasteReport.Item(
              file.path(),
              file.bytes(),
              origins.of(file.addedBy(), 0),
              origins.of(file.hiddenBy(), 0),
              file.removed()));
    }
    return Answer.of(new WasteReport(waste.bytes(), items));
  }

  /** The runtime config at {@code step}. */
  public Answer<RuntimeConfig> config(OptionalInt step) {
    Answer<ImageState> state = state(step);
    return state.found() ? Answer.of(state.get().config()) : Answer.problem(state.problem());
  }

  /** The environment ({@code NAME=value} entries) at {@code step}. */
  public Answer<List<String>> env(OptionalInt step) {
    Answer<ImageState> state = state(step);
    return state.found() ? Answer.of(state.get().config().env()) : Answer.problem(state.problem());
  }

  /** The state at {@code step} (the current one when empty). */
  public Answer<ImageState> state(OptionalInt step) {
    if (step.isEmpty()) {
      return Answer.of(session.current());
    }
    int count = session.steps().size();
    Optional<ImageState> state = session.stateAt(step.getAsInt());
    if (state.isEmpty() && step.getAsInt() <= count) {
      return Answer.problem(
          "step "
              + step.getAsInt()
              + " is pending: it has no result until %redo applies its instruction again");
    }
    if (state.isEmpty()) {
      return Answer.problem(
          count == 0
              ? "there are no steps yet; apply an instruction first"
              : "there is no step "
                  + step.getAsInt()
                  + "; steps go from 1 to "
                  + count
                  + " (see %steps)");
    }
    return Answer.of(state.get());
  }

  private interface Look<T> {
    T at(LayeredView view, String absolute) throws IOException;
  }

  /** Runs {@code look} on the view at {@code step}, turning path mistakes into problems. */
  private <T> Answer<T> at(OptionalInt step, String path, Look<T> look) throws IOException {
    Answer<ImageState> state = state(step);
    if (!state.found()) {
      return Answer.problem(state.problem());
    }
    String absolute = absolute(state.get(), path);
    try {
      return Answer.of(look.at(view(state.get()), absolute));
    } catch (NoSuchFileException e) {
      return Answer.problem(e.getFile() + ": no such file or directory in the image" + where(step));
    } catch (NotDirectoryException e) {
      return Answer.problem(e.getFile() + ": not a directory" + where(step));
    } catch (FileSystemLoopException e) {
      return Answer.problem(absolute + ": too many levels of symbolic links");
    } catch (FileSystemException e) {
      return Answer.problem(e.getFile() + ": " + e.getReason());
    }
  }

  private static String where(OptionalInt step) {
    return step.isPresent() ? " at step " + step.getAsInt() : "";
  }

  static String absolute(ImageState state, String path) {
    String workdir = state.config().workingDir().isEmpty() ? "/" : state.config().workingDir();
    if (path.isBlank()) {
      return workdir;
    }
    if (path.startsWith("/")) {
      return path;
    }
    return workdir.endsWith("/") ? workdir + path : workdir + "/" + path;
  }

  private static LayeredView view(ImageState state) {
    return LayeredView.of(directories(state));
  }

  private static List<Path> directories(ImageState state) {
    return state.layers().stream().map(LayerRef::directory).toList();
  }

  static boolean isBinary(byte[] head) {
    int probe = Math.min(head.length, BINARY_PROBE);
    for (int i = 0; i < probe; i++) {
      if (head[i] == 0) {
        return true;
      }
    }
    // Decoding as unfinished input: a multi-byte character cut at the probe's end is no error.
    CoderResult result =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(head, 0, probe), CharBuffer.allocate(probe), false);
    return result.isError();
  }
}
