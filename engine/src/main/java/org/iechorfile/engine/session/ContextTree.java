package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iechorfile.engine.Failure;

/**
 * The build context: a directory on this machine, seen through its ignore file. Nothing outside it
 * is ever read: a source written with {@code ..} past its root, or reached through a symbolic link
 * leading out of it, is refused. Files copied from it belong to root unless {@code --chown} says
 * otherwise, as in Docker.
 */
final class ContextTree implements SourceTree {

  private static final int MAX_LINKS = 255;

  private final Path root;
  private final IgnoreRules rules;

  ContextTree(Path root, IgnoreRules rules) {
    this.root = root.toAbsolutePath().normalize();
    this.rules = rules;
  }

  /** The context {@code root} with the rules of its ignore file. */
  static ContextTree open(Path root) throws IOException {
    return new ContextTree(root, IgnoreRules.load(root));
  }

  Path root() {
    return root;
  }

  @Override
  public String describe() {
    return "the build context " + root;
  }

  @Override
  public Optional<Entry> entry(String path) throws IOException {
    Path file = path.isEmpty() ? root : root.resolve(path);
    Map<String, Object> attributes;
    try {
      attributes =
          Files.readAttributes(file, "unix:mode,size,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    int mode = (Integer) attributes.get("mode");
    Type type = ImageTree.type(mode);
    String target = type == Type.SYMLINK ? Files.readSymbolicLink(file).toString() : "";
    long mtime = ((FileTime) attributes.get("lastModifiedTime")).toMillis();
    return Optional.of(
        new Entry(
            path, file, type, mode & 07777, 0, 0, (Long) attributes.get("size"), target, mtime));
  }

  @Override
  public List<String> children(String path) throws IOException {
    Path dir = path.isEmpty() ? root : root.resolve(path);
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return names;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        names.add(entry.getFileName().toString());
      }
    }
    names.sort(null);
    return names;
  }

  @Override
  public String resolve(String path) throws IOException, StepFailure {
    Deque<String> pending = new ArrayDeque<>(List.of(path.split("/")));
    List<String> done = new ArrayList<>();
    int links = 0;
    while (!pending.isEmpty()) {
      String part = pending.pop();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (done.isEmpty()) {
          throw outside(path);
        }
        done.remove(done.size() - 1);
        continue;
      }
      done.add(part);
      Path file = root.resolve(String.join("/", done));
      if (!Files.isSymbolicLink(file)) {
        continue;
      }
      String link = String.join("/", done);
      String target = Files.readSymbolicLink(file).toString();
      if (target.startsWith("/") || ++links > MAX_LINKS) {
        throw linkOut(path, link, target);
      }
      done.remove(done.size() - 1);
      String[] parts = target.split("/");
      for (int i = parts.length - 1; i >= 0; i--) {
        pending.push(parts[i]);
      }
      if (escapes(done, target)) {
        throw linkOut(path, link, target);
      }
    }
    return String.join("/", done);
  }

  private static boolean escapes(List<String> base, String target) {
    int depth = base.size();
    for (String part : target.split("/")) {
      if (part.equals("..")) {
        depth--;
        if (depth < 0) {
          return true;
        }
      } else if (!part.isEmpty() && !part.equals(".")) {
        depth++;
      }
    }
    return false;
  }

  @Override
  public boolean ignored(String path) {
    return rules.ignored(path);
  }

  @Override
  public boolean walkIgnored() {
    return rules.hasExceptions();
  }

  /** Whether {@code path}, read lexically, climbs above the root with {@code ..}. */
  static boolean leavesRoot(String path) {
    return escapes(List.of(), path);
  }

  /** The failure for a source outside the context. */
  StepFailure outside(String path) {
    return new StepFailure(
        Failure.of(
            Failure.Kind.MISSING_FILE,
            "the source "
                + path
                + " is outside the build context "
                + root
                + "; sources must be inside it (move the file into the context, or use a context"
                + " that contains it)"));
  }

  private StepFailure linkOut(String path, String link, String target) {
    return new StepFailure(
        Failure.of(
            Failure.Kind.MISSING_FILE,
            "the source "
                + path
                + " goes through the symbolic link "
                + link
                + " -> "
                + target
                + ", which leads out of the build context "
                + root
                + "; copy the file it points to into the context instead"));
  }
}
