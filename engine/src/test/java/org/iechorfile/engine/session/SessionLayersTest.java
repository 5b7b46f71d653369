package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session's failed RUN draft, kept until the next step or the close. */
class SessionLayersTest {

  @TempDir Path home;

  @Test
  void failedLayer_kept_isTheDraftsUpperDirectory() throws IOException {
    SessionLayers layers = SessionLayers.open(home);
    try {
      StepLayers.Draft draft = layers.steps().draft();

      layers.keepFailed(draft);

      assertEquals(Optional.of(draft.upper()), layers.failedLayer());
    } finally {
      layers.close();
    }
  }

  @Test
  void dropFailed_keptDraft_removesItsFiles() throws IOException {
    SessionLayers layers = SessionLayers.open(home);
    try {
      StepLayers.Draft draft = layers.steps().draft();
      layers.keepFailed(draft);

      layers.dropFailed();

      assertEquals(Optional.empty(), layers.failedLayer());
      assertFalse(Files.exists(draft.directory()));
    } finally {
      layers.close();
    }
  }

  @Test
  void close_keptDraft_removesItsFiles() throws IOException {
    SessionLayers layers = SessionLayers.open(home);
    StepLayers.Draft draft = layers.steps().draft();
    layers.keepFailed(draft);
    assertTrue(Files.isDirectory(draft.upper()));

    layers.close();

    assertFalse(Files.exists(draft.directory()));
  }
}
