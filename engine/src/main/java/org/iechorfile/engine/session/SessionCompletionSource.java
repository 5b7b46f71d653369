package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.iechorfile.engine.CompletionSource;
import org.iechorfile.engine.fs.FileEntry;
import org.iechorfile.engine.fs.LayeredView;
import org.iechorfile.engine.store.ImageSummary;

/**
 * Completion over a live session: paths of the working image read straight from its layer
 * directories through a {@link LayeredView}, the build context, the host directory, the stages, the
 * store's images and the variables in effect. Does no network I/O. Use from the session's thread
 * (as the REPL's completer does, between steps).
 */
public final class SessionCompletionSource implements CompletionSource {

  private static final System.Logger LOG =
      System.getLogger(SessionCompletionSource.class.getName());
  private static final int LIMIT = 500;

  private final Session session;
  private final Supplier<List<ImageSummary>> images;
  private final Path hostDirectory;

  /**
   * A source over {@code session}.
   *
   * @param session the session whose state completion reads
   * @param images lists the store's images (called on each completion of an image name)
   * @param hostDirectory the directory host paths are relative to
   */
  public SessionCompletionSource(
      Session session, Supplier<List<ImageSummary>> images, Path hostDirectory) {
    this.session = session;
    this.images = images;
    this.hostDirectory = hostDirectory.toAbsolutePath().normalize();
  }

  @Override
  public List<String> imagePaths(String prefix) {
    ImageState state = session.current();
    String base = prefix.startsWith("/") ? "" : workingDir(state);
    return layerPaths(state.layers(), base, prefix);
  }

  @Override
  public List<String> stagePaths(String stage, String prefix) {
    Optional<Stage> found = session.current().stage(stage);
    return found.map(s -> layerPaths(s.state().layers(), "/", prefix)).orElse(List.of());
  }

  @Override
  public List<String> contextPaths(String prefix) {
    return session.context().map(dir -> hostListing(dir, prefix)).orElse(List.of());
  }

  @Override
  public List<String> hostPaths(String prefix) {
    return hostListing(hostDirectory, prefix);
  }

  @Override
  public List<String> stageNames() {
    List<String> names = new ArrayList<>();
    for (Stage stage : session.current().stages()) {
      names.add(stage.name().isEmpty() ? Integer.toString(stage.index()) : stage.name());
    }
    return names;
  }

  @Override
  public List<String> storeImages(String prefix) {
    return images.get().stream()
        .map(ImageSummary::name)
        .map(SessionCompletionSource::shortName)
        .filter(n -> n.startsWith(prefix))
        .distinct()
        .toList();
  }

  @Override
  public List<String> variables() {
    TreeSet<String> names = new TreeSet<>(session.buildArgs().keySet());
    ImageState state = session.current();
    names.addAll(state.args().keySet());
    for (String entry : state.config().env()) {
      int eq = entry.indexOf('=');
      names.add(eq < 0 ? entry : entry.substring(0, eq));
    }
    return List.copyOf(names);
  }

  @Override
  public List<String> users(String prefix) {
    try {
      return ImageFiles.read(session.current().layers(), "/etc/passwd")
          .map(
              passwd ->
                  passwd
                      .lines()
                      .map(line -> line.split(":", 2)[0])
                      .filter(n -> !n.isEmpty() && n.startsWith(prefix))
                      .toList())
          .orElse(List.of());
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot read /etc/passwd for completion", e);
      return List.of();
    }
  }

  private static String workingDir(ImageState state) {
    String dir = state.config().workingDir();
    return dir.isEmpty() ? "/" : dir.endsWith("/") ? dir : dir + "/";
  }

  /**
   * Entries of the image directory holding {@code prefix}, as {@code prefix}-style words, read
   * through the layers as {@link LayeredView} sees them (whiteouts and opaque directories hide,
   * links to directories are followed).
   */
  private static List<String> layerPaths(List<LayerRef> layers, String base, String prefix) {
    int slash = prefix.lastIndexOf('/');
    String typedDir = prefix.substring(0, slash + 1);
    String directory = "/" + (base + typedDir).replaceAll("^/+", "");
    String rest = prefix.substring(slash + 1);
    List<FileEntry> entries;
    try {
      entries = LayeredView.of(layers.stream().map(LayerRef::directory).toList()).list(directory);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot list " + directory + " for completion", e);
      return List.of();
    }
    List<String> words = new ArrayList<>();
    for (FileEntry entry : entries) {
      if (entry.name().startsWith(rest) && words.size() < LIMIT) {
        words.add(typedDir + entry.name() + (entry.isDirectory() ? "/" : ""));
      }
    }
    words.sort(null);
    return words;
  }

  private static List<String> hostListing(Path directory, String prefix) {
    int slash = prefix.lastIndexOf('/');
    String typedDir = prefix.substring(0, slash + 1);
    Path dir = typedDir.startsWith("/") ? Path.of(typedDir) : directory.resolve(typedDir);
    List<String> words = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path entry : stream) {
        String name = entry.getFileName().toString();
        if (name.startsWith(prefix.substring(slash + 1)) && words.size() < LIMIT) {
          words.add(typedDir + name + (Files.isDirectory(entry) ? "/" : ""));
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    words.sort(null);
    return words;
  }

  /** {@code docker.io/library/busybox:latest} as people type it: {@code busybox:latest}. */
  private static String shortName(String name) {
    String stripped = name.startsWith("docker.io/") ? name.substring("docker.io/".length()) : name;
    return stripped.startsWith("library/") ? stripped.substring("library/".length()) : stripped;
  }
}
