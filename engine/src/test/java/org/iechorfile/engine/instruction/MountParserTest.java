package org.iechorfile.engine.instruction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MountParserTest {

  @Test
  void parse_bindWithAliases_isReadOnlyByDefault() throws InstructionException {
    MountSpec m = MountParser.parse("src=go.mod,dst=/src/go.mod,from=build");
    assertEquals(MountType.BIND, m.type());
    assertEquals("go.mod", m.source());
    assertEquals("/src/go.mod", m.target());
    assertEquals("build", m.from());
    assertTrue(m.readOnly());
  }

  @Test
  void parse_bindRw_isWritable() throws InstructionException {
    assertFalse(MountParser.parse("type=bind,target=/a,rw").readOnly());
    assertFalse(MountParser.parse("type=bind,target=/a,readwrite=true").readOnly());
    assertFalse(MountParser.parse("type=bind,target=/a,readonly=false").readOnly());
  }

  @Test
  void parse_cacheWithEveryKey_typesThem() throws InstructionException {
    MountSpec m =
        MountParser.parse(
            "TYPE=Cache,Target=/root/.cache,id=pip,sharing=LOCKED,mode=0700,uid=1000,gid=1000,"
                + "from=base,source=/seed");
    assertEquals(MountType.CACHE, m.type());
    assertEquals("pip", m.effectiveId());
    assertEquals(Optional.of(CacheSharing.LOCKED), m.sharing());
    assertEquals(0700, m.effectiveMode());
    assertEquals(Optional.of("1000"), m.uid());
    assertEquals(Optional.of("1000"), m.gid());
    assertFalse(m.readOnly());
  }

  @Test
  void parse_cacheDefaults_idIsTargetAndSharingShared() throws InstructionException {
    MountSpec m = MountParser.parse("type=cache,target=/var/cache/apt");
    assertEquals("/var/cache/apt", m.effectiveId());
    assertEquals(CacheSharing.SHARED, m.effectiveSharing());
    assertEquals(0755, m.effectiveMode());
  }

  @Test
  void parse_tmpfsWithSize_isWritable() throws InstructionException {
    MountSpec m = MountParser.parse("type=tmpfs,target=/tmp,size=64m");
    assertEquals(Optional.of("64m"), m.size());
    assertFalse(m.readOnly());
  }

  @Test
  void parse_secretDefaults_targetUnderRunSecrets() throws InstructionException {
    MountSpec m = MountParser.parse("type=secret,id=npmrc,required");
    assertEquals("/run/secrets/npmrc", m.effectiveTarget());
    assertEquals(0400, m.effectiveMode());
    assertTrue(m.required());
    assertTrue(m.readOnly());
  }

  @Test
  void parse_secretAsEnvironmentVariable_hasNoDefaultTarget() throws InstructionException {
    MountSpec m = MountParser.parse("type=secret,id=token,env=TOKEN,required=false");
    assertEquals(Optional.of("TOKEN"), m.env());
    assertEquals("", m.effectiveTarget());
    assertFalse(m.required());
  }

  @Test
  void parse_secretIdFromTarget_usesTheBaseName() throws InstructionException {
    assertEquals("key", MountParser.parse("type=secret,target=/etc/key").effectiveId());
  }

  @Test
  void parse_ssh_defaultsIdAndMode() throws InstructionException {
    MountSpec m = MountParser.parse("type=ssh,required=true,mode=0666");
    assertEquals("default", m.effectiveId());
    assertEquals(0666, m.effectiveMode());
    assertEquals(0600, MountParser.parse("type=ssh").effectiveMode());
  }

  @Test
  void parse_quotedCsvField_keepsTheComma() throws InstructionException {
    assertEquals("/a,b", MountParser.parse("type=bind,\"target=/a,b\"").target());
  }

  @Test
  void parse_variableValues_areKeptForExpansion() throws InstructionException {
    MountSpec m = MountParser.parse("type=cache,target=$DIR,mode=$MODE,sharing=$S");
    assertEquals("$DIR", m.target());
    assertEquals(Optional.of("$MODE"), m.mode());
    assertEquals(0755, m.effectiveMode());
    assertEquals(Optional.empty(), m.sharing());
  }

  @Test
  void parse_expansion_checksExpandedValues() {
    InstructionException e =
        assertThrows(
            InstructionException.class,
            () ->
                MountParser.parse("type=cache,target=/a,mode=$M", (k, v) -> v.replace("$M", "9")));
    assertEquals("invalid value 9 for mode", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "type=volume,target=/a|unsupported mount type \"volume\"",
        "type=cahce,target=/a|unsupported mount type \"cahce\" (did you mean cache?)",
        "type=bind,target=/a,mode=0755|mode not allowed for \"bind\" type mounts",
        "type=tmpfs,target=/a,uid=1|uid not allowed for \"tmpfs\" type mounts",
        "type=bind,target=/a,gid=1|gid not allowed for \"bind\" type mounts",
        "type=bind,target=/a,required|unexpected key 'required' for mount type 'bind'",
        "type=cache,target=/a,required=true|unexpected key 'required' for mount type 'cache'",
        "type=cache,target=/a,size=1g|unexpected key 'size' for mount type 'cache'",
        "type=bind,target=/a,sharing=locked|invalid cache sharing set for bind mount",
        "type=cache,target=/a,sharing=sometimes|unsupported sharing value \"sometimes\"",
        "type=cache,target=/a,sharing=lockd|unsupported sharing value \"lockd\" (did you mean"
            + " locked?)",
        "type=bind,target=/a,colour=red|unexpected key 'colour' in 'colour=red'",
        "type=bind,traget=/a|unexpected key 'traget' in 'traget=/a' (did you mean target?)",
        "type=bind,target=/a,nocopy|invalid field 'nocopy' must be a key=value pair",
        "type=secret,id=a,from=base|secret mount should not have a from",
        "type=cache,sharing=private,type=secret,id=a|secret mount should not define sharing",
        "type=secret|invalid secret mount. one of source, target required",
        "type=secret,source=a,id=b|both source and id can't be set",
        "type=bind,target=/a,ro=maybe|invalid value for ro: maybe",
        "type=bind,target=/a,rw=2|invalid value for rw: 2",
        "type=secret,id=a,required=sure|invalid value for required: sure",
        "type=tmpfs,target=/a,size=lots|invalid value for size: lots",
        "type=cache,target=/a,mode=0999|invalid value 0999 for mode",
        "type=cache,target=/a,uid=-1|invalid value -1 for uid",
        "type=cache,target=/a,gid=x|invalid value x for gid",
        "type=bind,from=$STAGE|'from' doesn't support variable expansion, define alias stage"
            + " instead",
        "type=bind,\"target=/a|failed to parse csv mounts: parse error on line 1, column 21:"
            + " extraneous or missing \" in quoted-field",
        "type=bind,\"target\"=/a|failed to parse csv mounts: parse error on line 1, column 19:"
            + " extraneous or missing \" in quoted-field",
        "type=bind,tar\"get=/a|failed to parse csv mounts: parse error on line 1, column 14: bare"
            + " \" in non-quoted-field",
      })
  void parse_badMount_reportsBuildKitMessage(String csv, String expected) {
    InstructionException e = assertThrows(InstructionException.class, () -> MountParser.parse(csv));
    assertEquals(expected, e.getMessage());
  }

  @Test
  void parse_emptyMount_reportsEof() {
    InstructionException e = assertThrows(InstructionException.class, () -> MountParser.parse(""));
    assertEquals("failed to parse csv mounts: EOF", e.getMessage());
  }

  @Test
  void parse_runWithBadMount_pointsAtTheMount() {
    assertEquals(
        List.of("unexpected key 'size' for mount type 'bind'"),
        new InstructionParser()
            .parse(TestNodes.node("RUN --mount=target=/a,size=1 true")).diagnostics().stream()
                .map(d -> d.message())
                .toList());
  }
}
