package org.iechorfile.engine.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Docker's destination rules: a destination relative to WORKDIR; a directory when it ends with
 * {@code /}, when several sources are copied, or when it already is one in the image; a directory's
 * contents copied into it; symbolic links along the destination followed inside the image.
 */
final class CopyTargets {

  private CopyTargets() {}

  /**
   * The items of one source, and the name their cache-key parts carry.
   *
   * @param label the prefix of the parts' paths
   * @param items the items
   */
  record Group(String label, List<CopySources.Item> items) {}

  /**
   * Where everything goes.
   *
   * @param destination the resolved absolute destination
   * @param groups the items per source
   */
  record Placed(String destination, List<Group> groups) {
    /** Every item, in writing order. */
    List<CopySources.Item> items() {
      List<CopySources.Item> all = new ArrayList<>();
      groups.forEach(g -> all.addAll(g.items()));
      return all;
    }
  }

  static Placed place(
      ImageState state, CopyRequest request, List<CopyPlan.Source> sources, ImageTree image)
      throws IOException, StepFailure {
    String written = request.destination();
    String absolute = absolute(state.config().workingDir(), written);
    String resolved = image.resolve(absolute, false);
    Optional<SourceTree.Entry> existing = image.entry(resolved);
    if (existing.isPresent() && existing.get().type() == SourceTree.Type.SYMLINK) {
      String followed = image.resolve(resolved, true);
      Optional<SourceTree.Entry> target = image.entry(followed);
      if (target.isPresent() && target.get().type() == SourceTree.Type.DIRECTORY) {
        resolved = followed;
        existing = target;
      }
    }
    boolean directory =
        written.endsWith("/")
            || written.endsWith("/.")
            || written.equals(".")
            || request.parents()
            || existing.isPresent() && existing.get().type() == SourceTree.Type.DIRECTORY;
    if (request.sourceCount() > 1 && !directory) {
      throw new StepFailure(
          org.iechorfile.engine.Failure.of(
              org.iechorfile.engine.Failure.Kind.MISSING_FILE,
              "when "
                  + request.keyword()
                  + " has more than one source, the destination must be a directory and end with"
                  + " a /; write "
                  + written
                  + "/"));
    }
    directory = directory || sources.size() > 1;
    String destination = "/" + resolved;
    IgnoreRules excludes = IgnoreRules.of(request.excludes(), "--exclude");
    List<Group> groups = new ArrayList<>();
    for (CopyPlan.Source source : sources) {
      List<CopySources.Item> items = new ArrayList<>();
      String target = target(destination, source, directory);
      String base =
          source.entry().type() == SourceTree.Type.DIRECTORY
              ? source.entry().path()
              : parent(source.entry().path());
      CopySources.collect(source.tree(), source.entry(), target, excludes, base, items);
      groups.add(new Group(source.label(), items));
    }
    return new Placed(destination, groups);
  }

  private static String target(String destination, CopyPlan.Source source, boolean directory) {
    boolean isDirectory = source.entry().type() == SourceTree.Type.DIRECTORY;
    if (!source.parentsPath().isEmpty()) {
      return join(destination, source.parentsPath());
    }
    if (isDirectory || !directory) {
      return destination;
    }
    String path = source.entry().path();
    return join(destination, path.substring(path.lastIndexOf('/') + 1));
  }

  /** {@code written} made absolute against the working directory, cleaned. */
  static String absolute(String workingDir, String written) {
    String path = written.startsWith("/") ? written : workingDir + "/" + written;
    return "/" + IgnoreRules.clean(path);
  }

  static String join(String directory, String name) {
    return directory.equals("/") ? "/" + name : directory + "/" + name;
  }

  /** The parent of an absolute or relative path; {@code /} or empty at the top. */
  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    if (slash < 0) {
      return "";
    }
    return slash == 0 ? "/" : path.substring(0, slash);
  }
}
