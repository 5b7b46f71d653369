package org.iechorfile.engine.registry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DockerConfigCredentialsTest {

  @TempDir Path home;

  private Path iechor() throws IOException {
    return Files.createDirectories(home.resolve(".iechor")).resolve("config.json");
  }

  private Path docker() throws IOException {
    return Files.createDirectories(home.resolve(".docker")).resolve("config.json");
  }

  private DockerConfigCredentials source() {
    return new DockerConfigCredentials(
        List.of(home.resolve(".iechor/config.json"), home.resolve(".docker/config.json")),
        List.of(home.resolve("bin")));
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(UTF_8));
  }

  @Test
  void lookup_base64Auth_decodedSplitAtFirstColon() throws Exception {
    Files.writeString(
        docker(), "{\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"" + b64("alice:pa:ss") + "\"}}}");
    assertEquals(
        Optional.of(Credentials.password("alice", "pa:ss")), source().lookup("127.0.0.1:5000"));
    assertEquals(Optional.empty(), source().lookup("127.0.0.1:5001"));
  }

  @Test
  void lookup_iechorFileFirst_winsOverDocker() throws Exception {
    Files.writeString(
        iechor(), "{\"auths\":{\"reg.example\":{\"username\":\"bob\",\"password\":\"b\"}}}");
    Files.writeString(
        docker(), "{\"auths\":{\"reg.example\":{\"auth\":\"" + b64("carol:c") + "\"}}}");
    assertEquals("bob", source().lookup("reg.example").get().username());
  }

  @Test
  void lookup_hubLegacyKeyAndSchemeKeys_matched() throws Exception {
    Files.writeString(
        docker(),
        "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\""
            + b64("hub:h")
            + "\"},\"https://reg.example/v2/\":{\"auth\":\""
            + b64("r:r")
            + "\"}}}");
    assertEquals("hub", source().lookup("docker.io").get().username());
    assertEquals("r", source().lookup("reg.example").get().username());
  }

  @Test
  void lookup_credHelper_runsHelperWithServerOnStdin() throws Exception {
    Path log = home.resolve("helper-input");
    helper(
        "test",
        "read server; echo \"$server\" > "
            + log
            + "; printf '{\"ServerURL\":\"%s\",\"Username\":\"dave\",\"Secret\":\"s3\"}' \"$server\"");
    Files.writeString(docker(), "{\"credHelpers\":{\"reg.example\":\"test\"}}");
    assertEquals(Optional.of(Credentials.password("dave", "s3")), source().lookup("reg.example"));
    assertEquals("reg.example", Files.readString(log).strip());
  }

  @Test
  void lookup_credsStoreIdentityToken_flagged() throws Exception {
    helper("test", "cat > /dev/null; echo '{\"Username\":\"<token>\",\"Secret\":\"refresh\"}'");
    Files.writeString(docker(), "{\"credsStore\":\"test\",\"auths\":{\"reg.example\":{}}}");
    Credentials creds = source().lookup("reg.example").get();
    assertTrue(creds.identityToken());
    assertEquals("refresh", creds.secret());
  }

  @Test
  void lookup_helperNotFoundAnswer_empty() throws Exception {
    helper("test", "cat > /dev/null; echo 'credentials not found in native keychain'; exit 1");
    Files.writeString(docker(), "{\"credsStore\":\"test\"}");
    assertEquals(Optional.empty(), source().lookup("reg.example"));
  }

  @Test
  void lookup_helperFails_throwsWithStatusAndStderr() throws Exception {
    helper("test", "cat > /dev/null; echo 'keyring locked' >&2; exit 3");
    Files.writeString(docker(), "{\"credHelpers\":{\"reg.example\":\"test\"}}");
    CredentialsUnavailableException e =
        assertThrows(CredentialsUnavailableException.class, () -> source().lookup("reg.example"));
    assertTrue(e.getMessage().contains("exit status 3"), e.getMessage());
    assertTrue(e.getMessage().contains("keyring locked"), e.getMessage());
  }

  @Test
  void lookup_helperMissing_throwsNamingProgram() throws Exception {
    Files.writeString(docker(), "{\"credHelpers\":{\"reg.example\":\"absent\"}}");
    CredentialsUnavailableException e =
        assertThrows(CredentialsUnavailableException.class, () -> source().lookup("reg.example"));
    assertTrue(e.getMessage().contains("docker-credential-absent"), e.getMessage());
  }

  @Test
  void lookup_malformedFile_throwsNamingFile() throws Exception {
    Files.writeString(docker(), "{not json");
    CredentialsUnavailableException e =
        assertThrows(CredentialsUnavailableException.class, () -> source().lookup("x.example"));
    assertTrue(e.getMessage().contains(".docker/config.json"), e.getMessage());
  }

  @Test
  void lookup_noFiles_empty() throws Exception {
    assertEquals(Optional.empty(), source().lookup("docker.io"));
  }

  @Test
  void inHome_pathFromEnvironment_findsHelper() throws Exception {
    helper("test", "cat > /dev/null; echo '{\"Username\":\"e\",\"Secret\":\"x\"}'");
    Files.writeString(docker(), "{\"credsStore\":\"test\"}");
    DockerConfigCredentials source =
        DockerConfigCredentials.inHome(home, Map.of("PATH", "/nonexistent:" + home.resolve("bin")));
    assertEquals("e", source.lookup("reg.example").get().username());
  }

  @Test
  void credentials_toString_redactsSecret() {
    String text = Credentials.password("alice", "hunter2").toString();
    assertTrue(text.contains("alice"));
    assertFalse(text.contains("hunter2"), text);
    assertEquals(
        "Basic " + b64("alice:hunter2"), Credentials.password("alice", "hunter2").basicHeader());
  }

  private void helper(String name, String script) throws IOException {
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path file = bin.resolve("docker-credential-" + name);
    Files.writeString(file, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
