package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** USER values resolved against an image's own user and group databases. */
class UserLookupTest {

  @TempDir Path layer;

  private List<LayerRef> layers;

  @BeforeEach
  void writeDatabases() throws IOException {
    Path etc = Files.createDirectories(layer.resolve("etc"));
    Files.writeString(
        etc.resolve("passwd"),
        "root:x:0:0:root:/root:/bin/sh\n"
            + "app:x:1000:1000:app:/home/app:/bin/sh\n"
            + "lonely:x:1001:1001::/:/bin/sh\n");
    Files.writeString(
        etc.resolve("group"),
        "root:x:0:\n"
            + "# a comment:x:1:app\n"
            + "wheel:x:10:root,app\n"
            + "app:x:1000:\n"
            + "staff:x:50:app\n"
            + "lonely:x:1001:\n");
    layers = List.of(new LayerRef("base", layer, "base", 0));
  }

  @Test
  void resolve_namedUserWithMemberships_getsThoseGroupsInFileOrder() throws Exception {
    assertEquals(
        new UserLookup.Ids(1000, 1000, List.of(10, 50)), UserLookup.resolve("app", layers));
  }

  @Test
  void resolve_numericUserWithAnEntry_getsTheGroupsOfItsName() throws Exception {
    assertEquals(
        new UserLookup.Ids(1000, 1000, List.of(10, 50)), UserLookup.resolve("1000", layers));
  }

  @Test
  void resolve_emptyUser_isRootWithRootsGroups() throws Exception {
    assertEquals(new UserLookup.Ids(0, 0, List.of(10)), UserLookup.resolve("", layers));
  }

  @Test
  void resolve_explicitGroup_givesThatGroupAndNoSupplementaryOnes() throws Exception {
    assertEquals(new UserLookup.Ids(1000, 50, List.of()), UserLookup.resolve("app:staff", layers));
    assertEquals(new UserLookup.Ids(1000, 7, List.of()), UserLookup.resolve("1000:7", layers));
  }

  @Test
  void resolve_numericUserWithoutAnEntry_getsGroupZeroAndNoOthers() throws Exception {
    assertEquals(new UserLookup.Ids(4242, 0, List.of()), UserLookup.resolve("4242", layers));
  }

  @Test
  void resolve_userInNoGroup_getsNoSupplementaryGroups() throws Exception {
    assertEquals(new UserLookup.Ids(1001, 1001, List.of()), UserLookup.resolve("lonely", layers));
  }

  @Test
  void resolve_imageWithoutUserDatabase_runsAsRootWithoutGroups() throws Exception {
    Path empty = Files.createDirectories(layer.resolve("empty"));
    List<LayerRef> bare = List.of(new LayerRef("bare", empty, "bare", 0));
    assertEquals(new UserLookup.Ids(0, 0, List.of()), UserLookup.resolve("", bare));
  }

  @Test
  void resolve_unknownName_failsNamingTheUser() {
    StepFailure failure =
        assertThrows(StepFailure.class, () -> UserLookup.resolve("ghost", layers));
    assertEquals(
        "unable to find user ghost: no matching entries in the image's /etc/passwd; create the"
            + " user first (for example RUN adduser -D ghost) or use a numeric id",
        failure.failure().message());
  }
}
