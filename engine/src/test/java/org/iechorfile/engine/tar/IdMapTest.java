package org.iechorfile.engine.tar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdMapTest {

  @TempDir Path dir;

  private IdMap read(String uids, String gids) throws Exception {
    return IdMap.read(
        Files.writeString(dir.resolve("uid_map"), uids),
        Files.writeString(dir.resolve("gid_map"), gids));
  }

  @Test
  void read_subordinateRange_mapsOwnIdAndTheRange() throws Exception {
    IdMap map =
        read(
            "         0       1001          1\n         1     524288      65536\n",
            "         0       1001          1\n         1     524288      65536\n");

    assertTrue(map.mapsUid(0));
    assertTrue(map.mapsUid(1000));
    assertTrue(map.mapsUid(65536));
    assertFalse(map.mapsUid(65537));
    assertTrue(map.mapsGid(1000));
    assertEquals(List.of(new IdMap.Range(0, 1), new IdMap.Range(1, 65536)), map.uids());
  }

  @Test
  void read_ownIdOnly_mapsOnlyZero() throws Exception {
    IdMap map = read("0 1001 1\n", "0 1001 1\n");

    assertTrue(map.mapsUid(0));
    assertFalse(map.mapsUid(1000));
    assertFalse(map.mapsGid(1));
  }

  @Test
  void read_initialNamespace_mapsEveryId() throws Exception {
    IdMap map = read("0 0 4294967295\n", "0 0 4294967295\n");

    assertTrue(map.mapsUid(4294967294L));
    assertTrue(map.mapsGid(65534));
  }

  @Test
  void read_missingFiles_countAsTheIdentity() {
    IdMap map = IdMap.read(dir.resolve("none"), dir.resolve("none"));

    assertTrue(map.mapsUid(100000));
    assertTrue(map.mapsGid(100000));
  }

  @Test
  void setOwner_mappedIds_setsThem() throws Exception {
    Path file = Files.createFile(dir.resolve("file"));
    int uid = IdMap.current().mapsUid(1000) ? 1000 : 0;

    IdMap.setOwner(file, uid, uid);

    assertEquals(uid, Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    assertEquals(uid, Files.getAttribute(file, "unix:gid", LinkOption.NOFOLLOW_LINKS));
  }
}
