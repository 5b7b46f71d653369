package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The build args, context and cache switch later steps read. */
class StepSettingsTest {

  @Test
  void buildArgs_setAgain_keepFirstOrderAndLastValue() {
    StepSettings settings = new StepSettings(Map.of("B", "1"), Optional.empty(), true);

    settings.setBuildArg("A", "2");
    settings.setBuildArg("B", "3");

    assertEquals(List.of("B", "A"), List.copyOf(settings.buildArgs().keySet()));
    assertEquals("3", settings.buildArgs().get("B"));
  }

  @Test
  void buildArgs_view_cannotBeChanged() {
    StepSettings settings = new StepSettings(Map.of(), Optional.empty(), true);

    assertThrows(UnsupportedOperationException.class, () -> settings.buildArgs().put("A", "1"));
  }

  @Test
  void buildArgs_setLater_showInEarlierView() {
    StepSettings settings = new StepSettings(Map.of(), Optional.empty(), true);
    Map<String, String> view = settings.buildArgs();

    settings.setBuildArg("A", "1");

    assertEquals(Map.of("A", "1"), view);
  }

  @Test
  void setContext_relativeDirectory_isAbsoluteAndNormal() {
    StepSettings settings = new StepSettings(Map.of(), Optional.empty(), true);

    settings.setContext(Path.of("ctx/../app"));

    assertEquals(Optional.of(Path.of("app").toAbsolutePath()), settings.context());
  }

  @Test
  void setCacheEnabled_off_isOff() {
    StepSettings settings = new StepSettings(Map.of(), Optional.empty(), true);
    assertTrue(settings.cacheEnabled());

    settings.setCacheEnabled(false);

    assertFalse(settings.cacheEnabled());
  }
}
