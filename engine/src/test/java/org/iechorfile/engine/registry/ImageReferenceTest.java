package org.iechorfile.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iechorfile.engine.image.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {

  private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

  @ParameterizedTest
  @CsvSource({
    "busybox, docker.io/library/busybox:latest",
    "busybox:1.36, docker.io/library/busybox:1.36",
    "team/app, docker.io/team/app:latest",
    "docker.io/busybox, docker.io/library/busybox:latest",
    "index.docker.io/library/busybox:1, docker.io/library/busybox:1",
    "localhost/app, localhost/app:latest",
    "localhost:5000/app:v1, localhost:5000/app:v1",
    "127.0.0.1:5000/a/b/c:tag_1.0-x, 127.0.0.1:5000/a/b/c:tag_1.0-x",
    "ghcr.io/owner/repo, ghcr.io/owner/repo:latest",
    "Registry/app, Registry/app:latest",
    "[::1]:5000/app, [::1]:5000/app:latest",
    "my_app__x.y-z, docker.io/library/my_app__x.y-z:latest"
  })
  void parse_names_normalisedAsDocker(String text, String expected) throws Exception {
    assertEquals(expected, ImageReference.parse(text).toString());
  }

  @Test
  void parse_digestOnly_noTagAndDigestReference() throws Exception {
    ImageReference ref = ImageReference.parse("busybox@" + DIGEST);
    assertEquals("", ref.tag());
    assertEquals(Digest.parse(DIGEST), ref.digest().get());
    assertEquals(DIGEST, ref.manifestReference());
    assertEquals("docker.io/library/busybox@" + DIGEST, ref.toString());
  }

  @Test
  void parse_tagAndDigest_keepsBothAndAsksByDigest() throws Exception {
    ImageReference ref = ImageReference.parse("127.0.0.1:5000/app:1.0@" + DIGEST);
    assertEquals("1.0", ref.tag());
    assertEquals(DIGEST, ref.manifestReference());
    assertEquals("127.0.0.1:5000", ref.registry());
  }

  @Test
  void familiar_hubImages_shortForm() throws Exception {
    assertEquals("busybox:latest", ImageReference.parse("busybox").familiar());
    assertEquals("team/app:1", ImageReference.parse("team/app:1").familiar());
    assertEquals("localhost:5000/app:1", ImageReference.parse("localhost:5000/app:1").familiar());
  }

  @ParameterizedTest
  @CsvSource({
    "'', is empty",
    "Busybox, must be lower case",
    "busybox:, tag",
    "busybox:-x, tag",
    "busybox@sha256:abc, malformed",
    "busybox@md5:abc, unsupported",
    "a//b, is not valid",
    "app-, is not valid",
    "bad_host.com_/app, not a valid host",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, image id"
  })
  void parse_invalid_throwsWithReasonAndExpectedForm(String text, String reason) {
    InvalidReferenceException e =
        assertThrows(InvalidReferenceException.class, () -> ImageReference.parse(text));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertTrue(e.getMessage().contains("[registry/]name[:tag]"), e.getMessage());
  }

  @Test
  void parse_tooLong_throws() {
    String name = "a".repeat(250) + "/b";
    assertThrows(InvalidReferenceException.class, () -> ImageReference.parse(name));
  }

  @Test
  void withTag_withDigest_replaceParts() throws Exception {
    ImageReference ref = ImageReference.parse("busybox:1");
    assertEquals("docker.io/library/busybox:2", ref.withTag("2").toString());
    assertEquals(
        "docker.io/library/busybox:1@" + DIGEST, ref.withDigest(Digest.parse(DIGEST)).toString());
    assertThrows(IllegalArgumentException.class, () -> ref.withTag("bad tag"));
  }

  @Test
  void constructor_invalidParts_throw() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ImageReference("docker.io", "Upper/case", "latest", java.util.Optional.empty()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ImageReference("bad host", "a", "latest", java.util.Optional.empty()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ImageReference("docker.io", "a", "", java.util.Optional.empty()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ImageReference("docker.io", "a", ":x", java.util.Optional.empty()));
  }
}
