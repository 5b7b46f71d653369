package org.iechorfile.engine.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class ExternalToolsTest {

  @Test
  void require_missingProgram_failsNamingDebianPackage() {
    ExtensionConfigurationException e =
        assertThrows(
            ExtensionConfigurationException.class,
            () -> ExternalTools.require("no-such-program-xyz", "some-package"));
    assertTrue(e.getMessage().contains("no-such-program-xyz is not installed"), e.getMessage());
    assertTrue(e.getMessage().contains("apt-get install -y some-package"), e.getMessage());
  }

  @Test
  void require_presentProgram_absolutePath() {
    assertTrue(ExternalTools.require("sh", "dash").isAbsolute());
  }
}
