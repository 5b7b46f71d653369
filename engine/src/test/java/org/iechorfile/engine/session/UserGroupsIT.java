package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** RUN gets the supplementary groups of the USER from the image's /etc/group, as in Docker. */
@Timeout(120)
class UserGroupsIT {

  @TempDir Path home;

  private Session session;

  @BeforeEach
  void open() throws Exception {
    session = SandboxSessions.builder(home).build();
    run("FROM busybox");
    run("RUN echo 'wheel:x:10:root,app' >> /etc/group");
  }

  @AfterEach
  void close() {
    session.close();
  }

  private String run(String instruction) {
    return SandboxSessions.completed(session, instruction);
  }

  @Test
  void run_namedUser_hasItsGroupsFromTheImage() {
    run("USER app");
    // The kernel keeps supplementary groups sorted.
    assertEquals("1000 10 50\n", run("RUN id -G"));
  }

  @Test
  void run_root_hasRootsGroupsFromTheImage() {
    assertEquals("0 10\n", run("RUN id -G"));
    run("USER root");
    assertEquals("0 10\n", run("RUN id -G"));
  }

  @Test
  void run_numericUserWithoutEntry_hasNoExtraGroups() {
    run("USER 4242");
    assertEquals("4242\n0\n", run("RUN id -u; id -G"));
  }

  @Test
  void run_userWithExplicitGroup_hasOnlyThatGroup() {
    run("USER app:wheel");
    assertEquals("10\n", run("RUN id -G"));
  }
}
