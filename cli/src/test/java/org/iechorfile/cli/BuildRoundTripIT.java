package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.fs.LayeredView;
import org.iechorfile.engine.fs.TreeDiff;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.images.LocalImage;
import org.iechorfile.engine.registry.CredentialSource;
import org.iechorfile.engine.session.LayerRef;
import org.iechorfile.engine.session.Session;
import org.iechorfile.engine.session.Workspace;
import org.iechorfile.engine.store.Snapshot;
import org.iechorfile.engine.testing.RegistryExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A session with undos and a redo, exported as an iEchorfile and rebuilt with {@code build -t
 * --output}: the rebuilt image has the session's files and config, and the OCI layout is written.
 */
@Timeout(300)
class BuildRoundTripIT {

  @RegisterExtension static final RegistryExtension REGISTRY = RegistryExtension.open();

  @TempDir Path home;
  @TempDir Path dir;

  @BeforeAll
  static void pushBusybox() throws Exception {
    REGISTRY.pushBusybox(CredentialSource.ANONYMOUS);
  }

  private Map<String, String> environment() {
    return Map.of(
        "IECHOR_HOME", home.toString(),
        "HOME", dir.toString(),
        "IECHOR_REGISTRY_MIRROR", "docker.io=" + REGISTRY.uri());
  }

  @Test
  void build_exportedSession_givesTheSessionsFilesAndConfig() throws Exception {
    Workspace workspace = Workspace.fromEnvironment(environment());
    try (Session session = workspace.newSession().build()) {
      apply(session, "FROM busybox AS tools");
      apply(session, "RUN echo built > /built");
      apply(session, "FROM busybox");
      apply(session, "# the app\nRUN mkdir /app && \\\n    echo one > /app/one");
      apply(session, "RUN echo wrong > /app/wrong");
      session.undo(1);
      apply(session, "RUN <<EOF\necho two > /app/two\nrm /bin/vi\nEOF");
      apply(session, "ENV MODE=prod");
      session.undo(2);
      session.redo(1);
      apply(session, "WORKDIR /app\nCMD [\"cat\", \"one\"]");
      Files.writeString(dir.resolve("iEchorfile"), session.transcript());

      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine line =
          RootCommand.commandLine(
              new Launch(environment(), new ByteArrayInputStream(new byte[0]), false, dir));
      line.setOut(new PrintWriter(out));
      line.setErr(new PrintWriter(err));
      int status =
          line.execute(
              "build",
              "--no-cache",
              "--progress",
              "plain",
              "-t",
              "roundtrip:1",
              "--output",
              "oci:out",
              ".");

      assertEquals(0, status, out + "\n" + err);
      assertTrue(out.toString().contains("tagged docker.io/library/roundtrip:1"), out::toString);
      assertTrue(Files.isRegularFile(dir.resolve("out/index.json")));
      LocalImage rebuilt =
          workspace.images().get("roundtrip:1", Platform.LINUX_AMD64, (blob, done, total) -> {});
      LayeredView original =
          LayeredView.of(session.current().layers().stream().map(LayerRef::directory).toList());
      LayeredView again =
          LayeredView.of(rebuilt.layers().stream().map(Snapshot::directory).toList());
      assertEquals(List.of(), TreeDiff.between(original, again, TreeDiff.Times.IGNORED).changes());
      assertEquals(session.config(), rebuilt.config().config());
      assertEquals(session.current().layers().size(), rebuilt.layers().size());
    }
  }

  private static void apply(Session session, String source) {
    List<SessionEvent> events = session.apply(source);
    assertTrue(events.get(events.size() - 1) instanceof StepCompleted, events.toString());
  }
}
