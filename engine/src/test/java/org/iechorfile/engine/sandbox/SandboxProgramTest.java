package org.iechorfile.engine.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxProgramTest {

  @TempDir Path dir;

  @Test
  void locate_fromThisBuild_isAnExecutableFileBesideTheClasses() throws IOException {
    Path program = SandboxProgram.locate(dir.resolve("programs")).orElseThrow();
    assertTrue(Files.isExecutable(program), program.toString());
    assertEquals(SandboxProgram.RESOURCE, program.getFileName().toString());
    assertTrue(Files.notExists(dir.resolve("programs")), "nothing is copied from a directory");
  }

  @Test
  void locate_inAJar_isCopiedOutOnceUnderItsDigest() throws IOException {
    byte[] content = "#!/bin/sh\necho program\n".getBytes(StandardCharsets.UTF_8);
    URL url = jarEntry("one.jar", content);
    Path programs = dir.resolve("programs");

    Path first = SandboxProgram.locate(url, programs).orElseThrow();
    FileTime written = Files.getLastModifiedTime(first);
    Path again = SandboxProgram.locate(url, programs).orElseThrow();

    assertEquals(first, again);
    assertEquals(written, Files.getLastModifiedTime(again));
    assertTrue(Files.isExecutable(first));
    assertArrayEquals(content, Files.readAllBytes(first));
    assertTrue(first.getFileName().toString().matches("iechorfile-sandbox-[0-9a-f]{16}"));
  }

  @Test
  void locate_anotherVersion_getsAFileOfItsOwn() throws IOException {
    Path programs = dir.resolve("programs");
    Path one = SandboxProgram.locate(jarEntry("one.jar", new byte[] {1}), programs).orElseThrow();
    Path two = SandboxProgram.locate(jarEntry("two.jar", new byte[] {2}), programs).orElseThrow();
    assertNotEquals(one, two);
    assertArrayEquals(new byte[] {1}, Files.readAllBytes(one));
    assertArrayEquals(new byte[] {2}, Files.readAllBytes(two));
  }

  @Test
  void removeOthers_keepsOnlyThisBuildsCopy() throws IOException {
    Path programs = Files.createDirectories(dir.resolve("programs"));
    byte[] thisBuild;
    try (var in = SandboxProgram.class.getResourceAsStream(SandboxProgram.RESOURCE)) {
      thisBuild = in.readAllBytes();
    }
    Path current = SandboxProgram.locate(jarEntry("this.jar", thisBuild), programs).orElseThrow();
    Path older = SandboxProgram.locate(jarEntry("old.jar", new byte[] {7}), programs).orElseThrow();
    Path unrelated = Files.writeString(programs.resolve("notes.txt"), "kept");

    assertEquals(1, SandboxProgram.removeOthers(programs));

    assertTrue(Files.exists(current));
    assertTrue(Files.notExists(older));
    assertTrue(Files.exists(unrelated));
  }

  @Test
  void locate_withoutTheProgram_isEmpty() throws IOException {
    assertEquals(Optional.empty(), SandboxProgram.locate(null, dir));
  }

  private URL jarEntry(String name, byte[] content) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("org/iechorfile/engine/sandbox/" + SandboxProgram.RESOURCE));
      out.write(content);
      out.closeEntry();
    }
    return new URL(
        "jar:" + jar.toUri() + "!/org/iechorfile/engine/sandbox/" + SandboxProgram.RESOURCE);
  }
}
