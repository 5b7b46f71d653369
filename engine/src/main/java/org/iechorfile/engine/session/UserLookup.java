package org.iechorfile.engine.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.Failure;

/**
 * Resolves a USER value ({@code app}, {@code 1000}, {@code app:staff}, {@code 1000:50}) to numeric
 * ids through the image's own {@code /etc/passwd} and {@code /etc/group}, as Docker does.
 *
 * <p>Supplementary groups follow runc's rule (BuildKit resolves RUN users with it): a user given
 * without a group that has an entry in {@code /etc/passwd} gets every group of {@code /etc/group}
 * that lists the user's name as a member; a user given with an explicit group, or a numeric user
 * without an entry, gets none. An empty USER is user {@code 0}, looked up the same way.
 */
final class UserLookup {

  /**
   * Numeric user and group ids.
   *
   * @param uid the user id
   * @param gid the primary group id
   * @param groups the supplementary group ids, in {@code /etc/group} order
   */
  record Ids(int uid, int gid, List<Integer> groups) {
    Ids {
      groups = List.copyOf(groups);
    }

    Ids(int uid, int gid) {
      this(uid, gid, List.of());
    }
  }

  private UserLookup() {}

  static Ids resolve(String user, List<LayerRef> layers) throws StepFailure, IOException {
    String passwd = ImageFiles.read(layers, "/etc/passwd").orElse("");
    if (user.isEmpty()) {
      Optional<String[]> root = find(passwd, "0", 7);
      if (root.isEmpty() || !isNumber(root.get()[2]) || !isNumber(root.get()[3])) {
        return new Ids(0, 0);
      }
      return new Ids(
          Integer.parseInt(root.get()[2]),
          Integer.parseInt(root.get()[3]),
          memberships(root.get()[0], layers));
    }
    int colon = user.indexOf(':');
    String name = colon < 0 ? user : user.substring(0, colon);
    Optional<String> group = colon < 0 ? Optional.empty() : Optional.of(user.substring(colon + 1));
    Optional<String[]> entry = find(passwd, name, 7);
    int uid;
    int gid;
    if (entry.isPresent()) {
      uid = number(entry.get()[2], user);
      gid = number(entry.get()[3], user);
    } else if (isNumber(name)) {
      uid = Integer.parseInt(name);
      gid = 0;
    } else {
      throw new StepFailure(
          Failure.of(
              Failure.Kind.UNSUPPORTED,
              "unable to find user "
                  + name
                  + ": no matching entries in the image's /etc/passwd; create the user first"
                  + " (for example RUN adduser -D "
                  + name
                  + ") or use a numeric id"));
    }
    if (group.isPresent()) {
      return new Ids(uid, groupId(group.get(), layers));
    }
    if (entry.isEmpty()) {
      return new Ids(uid, gid);
    }
    return new Ids(uid, gid, memberships(entry.get()[0], layers));
  }

  /** The ids of the groups in the image's {@code /etc/group} that list {@code user} as a member. */
  private static List<Integer> memberships(String user, List<LayerRef> layers) throws IOException {
    String groups = ImageFiles.read(layers, "/etc/group").orElse("");
    List<Integer> ids = new ArrayList<>();
    for (String line : groups.split("\n")) {
      String[] fields = line.split(":", -1);
      if (line.startsWith("#") || fields.length < 4 || !isNumber(fields[2])) {
        continue;
      }
      if (Arrays.asList(fields[3].split(",")).contains(user)) {
        ids.add(Integer.parseInt(fields[2]));
      }
    }
    return ids;
  }

  private static int groupId(String group, List<LayerRef> layers) throws StepFailure, IOException {
    String groups = ImageFiles.read(layers, "/etc/group").orElse("");
    Optional<String[]> entry = find(groups, group, 3);
    if (entry.isPresent()) {
      return number(entry.get()[2], group);
    }
    if (isNumber(group)) {
      return Integer.parseInt(group);
    }
    throw new StepFailure(
        Failure.of(
            Failure.Kind.UNSUPPORTED,
            "unable to find group "
                + group
                + ": no matching entries in the image's /etc/group; create it first or use a"
                + " numeric id"));
  }

  /** The colon-separated entry whose first field is {@code name} (or whose id field is it). */
  private static Optional<String[]> find(String file, String name, int minFields) {
    Optional<String[]> byId = Optional.empty();
    for (String line : file.split("\n")) {
      String[] fields = line.split(":", -1);
      if (fields.length < minFields - 1 || line.startsWith("#")) {
        continue;
      }
      if (fields[0].equals(name)) {
        return Optional.of(fields);
      }
      if (byId.isEmpty() && fields.length > 2 && fields[2].equals(name)) {
        byId = Optional.of(fields);
      }
    }
    return byId;
  }

  private static boolean isNumber(String text) {
    return !text.isEmpty() && text.length() < 10 && text.chars().allMatch(Character::isDigit);
  }

  private static int number(String text, String user) throws StepFailure {
    if (!isNumber(text)) {
      throw new StepFailure(
          Failure.of(
              Failure.Kind.UNSUPPORTED,
              "the image's user database has a malformed entry for " + user + ": " + text));
    }
    return Integer.parseInt(text);
  }
}
