package org.iechorfile.engine.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds what a COPY or ADD source names in a {@link SourceTree}: wildcards ({@code *}, {@code ?},
 * {@code [...]} within one path element, as Go's {@code filepath.Match}) expanded in sorted order,
 * and directories walked into the files they hold, minus what the ignore file and {@code --exclude}
 * leave out.
 */
final class CopySources {

  private static final Pattern WILDCARD = Pattern.compile("[*?\\[]");

  private CopySources() {}

  /**
   * One entry to copy and where it goes.
   *
   * @param entry the source entry
   * @param destination its absolute path in the image
   * @param root whether it is the directory named by the source itself (its destination directory
   *     keeps its own attributes when it exists already)
   */
  record Item(SourceTree.Entry entry, String destination, boolean root) {}

  /** Whether {@code source} has wildcards. */
  static boolean hasWildcards(String source) {
    return WILDCARD.matcher(source).find();
  }

  /**
   * The paths in {@code tree} that {@code pattern} names, sorted; empty when none. Paths without
   * wildcards are returned as given (cleaned), whether they exist or not.
   */
  static List<String> glob(SourceTree tree, String pattern) throws IOException, StepFailure {
    String clean = IgnoreRules.clean(pattern);
    if (!hasWildcards(clean)) {
      return List.of(clean);
    }
    List<String> current = List.of("");
    for (String part : clean.split("/")) {
      List<String> next = new ArrayList<>();
      Optional<Pattern> regex =
          hasWildcards(part)
              ? Optional.of(Pattern.compile(IgnoreRules.regex(part)))
              : Optional.empty();
      for (String dir : current) {
        String resolved = dir.isEmpty() ? "" : tree.resolve(dir);
        for (String name : tree.children(resolved)) {
          String path = dir.isEmpty() ? name : dir + "/" + name;
          if (regex.isPresent() ? regex.get().matcher(name).matches() : name.equals(part)) {
            if (!tree.ignored(path)) {
              next.add(path);
            }
          }
        }
      }
      current = next;
    }
    return current;
  }

  /**
   * Adds the items that copying {@code source} (a resolved path naming {@code entry}) to {@code
   * destination} makes: a file goes to {@code destination}; a directory's contents go under it.
   * {@code excludes} are matched against paths relative to {@code base}.
   */
  static void collect(
      SourceTree tree,
      SourceTree.Entry entry,
      String destination,
      IgnoreRules excludes,
      String base,
      List<Item> out)
      throws IOException {
    out.add(new Item(entry, destination, true));
    if (entry.type() == SourceTree.Type.DIRECTORY) {
      walk(tree, entry.path(), destination, excludes, base, out);
    }
  }

  private static boolean walk(
      SourceTree tree,
      String dir,
      String destination,
      IgnoreRules excludes,
      String base,
      List<Item> out)
      throws IOException {
    boolean any = false;
    for (String name : tree.children(dir)) {
      String path = dir.isEmpty() ? name : dir + "/" + name;
      String target = destination.equals("/") ? "/" + name : destination + "/" + name;
      if (excludes.ignored(relative(base, path))) {
        continue;
      }
      Optional<SourceTree.Entry> child = tree.entry(path);
      if (child.isEmpty()) {
        continue;
      }
      boolean ignored = tree.ignored(path);
      boolean directory = child.get().type() == SourceTree.Type.DIRECTORY;
      if (ignored && !(directory && tree.walkIgnored())) {
        continue;
      }
      int mark = out.size();
      out.add(new Item(child.get(), target, false));
      if (directory && !walk(tree, path, target, excludes, base, out) && ignored) {
        out.subList(mark, out.size()).clear();
        continue;
      }
      any = true;
    }
    return any;
  }

  static String relative(String base, String path) {
    if (base.isEmpty()) {
      return path;
    }
    return path.startsWith(base + "/") ? path.substring(base.length() + 1) : path;
  }
}
