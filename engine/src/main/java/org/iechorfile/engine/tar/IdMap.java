package org.iechorfile.engine.tar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The user and group ids this process's user namespace maps ({@code /proc/self/uid_map} and {@code
 * gid_map}). As the real root every id is mapped; the launcher gives ordinary users a namespace
 * mapped to their subordinate ids, or, without any, to their own id alone (as uid 0), where files
 * cannot belong to anyone else and commands cannot run as another user.
 *
 * @param uids the mapped user id ranges (ids inside the namespace)
 * @param gids the mapped group id ranges
 */
public record IdMap(List<Range> uids, List<Range> gids) {

  private static final System.Logger LOG = System.getLogger(IdMap.class.getName());
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  /**
   * One line of a map: {@code count} ids from {@code first} (inside the namespace).
   *
   * @param first the first id
   * @param count how many ids
   */
  public record Range(long first, long count) {
    /** Whether {@code id} lies in the range. */
    boolean contains(long id) {
      return id >= first && id - first < count;
    }
  }

  /** Copies the lists. */
  public IdMap {
    uids = List.copyOf(uids);
    gids = List.copyOf(gids);
  }

  /** The maps of this process, read once. */
  public static IdMap current() {
    return Current.MAP;
  }

  /**
   * Reads the maps from {@code uidMap} and {@code gidMap} (the format of {@code
   * /proc/self/uid_map}); a file that cannot be read counts as the identity over every id.
   */
  static IdMap read(Path uidMap, Path gidMap) {
    return new IdMap(ranges(uidMap), ranges(gidMap));
  }

  /** Whether user id {@code uid} exists in this namespace. */
  public boolean mapsUid(long uid) {
    return uids.stream().anyMatch(r -> r.contains(uid));
  }

  /** Whether group id {@code gid} exists in this namespace. */
  public boolean mapsGid(long gid) {
    return gids.stream().anyMatch(r -> r.contains(gid));
  }

  /**
   * Sets the owner of {@code target} (not following a link). An id this namespace does not map is
   * replaced by 0, the user's own id, as rootless podman does with {@code ignore_chown_errors}; a
   * debug message is logged once (the launcher tells the user at start).
   */
  public static void setOwner(Path target, int uid, int gid) throws IOException {
    IdMap map = current();
    int ownUid = map.mapsUid(uid) ? uid : 0;
    int ownGid = map.mapsGid(gid) ? gid : 0;
    if ((ownUid != uid || ownGid != gid) && WARNED.compareAndSet(false, true)) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "files owned by "
              + uid
              + ":"
              + gid
              + " (first "
              + target.getFileName()
              + ") are kept as 0:0: this user namespace maps no other ids; give your user"
              + " subordinate ids in /etc/subuid and /etc/subgid to keep owners");
    }
    Files.setAttribute(target, "unix:uid", ownUid, LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(target, "unix:gid", ownGid, LinkOption.NOFOLLOW_LINKS);
  }

  private static List<Range> ranges(Path file) {
    try {
      List<Range> ranges = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length == 3) {
          ranges.add(new Range(Long.parseLong(fields[0]), Long.parseLong(fields[2])));
        }
      }
      return ranges;
    } catch (IOException | NumberFormatException e) {
      return List.of(new Range(0, 4294967295L));
    }
  }

  private static final class Current {
    static final IdMap MAP = read(Path.of("/proc/self/uid_map"), Path.of("/proc/self/gid_map"));
  }
}
