package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ClassDataTrainingTest {

  @TempDir Path scratch;

  @Test
  void main_scratchDirectory_typesTheWholeSessionAndLeaves() throws Exception {
    ClassDataTraining.main(new String[] {scratch.toString()});

    List<String> history =
        Files.readAllLines(scratch.resolve("history")).stream()
            .map(line -> line.substring(line.indexOf(':') + 1))
            .toList();
    assertEquals("FROM scratch", history.get(0), history.toString());
    assertTrue(history.contains("%steps"), history.toString());
    assertEquals("%config", history.get(history.size() - 1), history.toString());
    assertTrue(Files.isDirectory(scratch.resolve("store")), "the session's own store");
  }
}
