package org.iechorfile.engine.image.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the OCI image spec and Docker's schema 2, field for field, in the order the
 * reference implementations write them. Absent fields are {@code null}; unknown fields are ignored
 * when reading.
 */
final class WireTypes {
  private WireTypes() {}

  @JsonPropertyOrder({"architecture", "os", "os.version", "os.features", "variant"})
  record WirePlatform(
      @JsonProperty("architecture") String architecture,
      @JsonProperty("os") String os,
      @JsonProperty("os.version") String osVersion,
      @JsonProperty("os.features") List<String> osFeatures,
      @JsonProperty("variant") String variant) {}

  @JsonPropertyOrder({
    "mediaType",
    "digest",
    "size",
    "urls",
    "annotations",
    "platform",
    "artifactType"
  })
  record WireDescriptor(
      @JsonProperty("mediaType") String mediaType,
      @JsonProperty("digest") String digest,
      @JsonProperty("size") Long size,
      @JsonProperty("urls") List<String> urls,
      @JsonProperty("annotations") Map<String, String> annotations,
      @JsonProperty("platform") WirePlatform platform,
      @JsonProperty("artifactType") String artifactType) {}

  @JsonPropertyOrder({
    "schemaVersion",
    "mediaType",
    "artifactType",
    "config",
    "layers",
    "subject",
    "annotations"
  })
  record WireManifest(
      @JsonProperty("schemaVersion") Integer schemaVersion,
      @JsonProperty("mediaType") String mediaType,
      @JsonProperty("artifactType") String artifactType,
      @JsonProperty("config") WireDescriptor config,
      @JsonProperty("layers") List<WireDescriptor> layers,
      @JsonProperty("subject") WireDescriptor subject,
      @JsonProperty("annotations") Map<String, String> annotations) {}

  @JsonPropertyOrder({
    "schemaVersion",
    "mediaType",
    "artifactType",
    "manifests",
    "subject",
    "annotations"
  })
  record WireIndex(
      @JsonProperty("schemaVersion") Integer schemaVersion,
      @JsonProperty("mediaType") String mediaType,
      @JsonProperty("artifactType") String artifactType,
      @JsonProperty("manifests") List<WireDescriptor> manifests,
      @JsonProperty("subject") WireDescriptor subject,
      @JsonProperty("annotations") Map<String, String> annotations) {}

  @JsonPropertyOrder({"Test", "Interval", "Timeout", "StartPeriod", "StartInterval", "Retries"})
  record WireHealthcheck(
      @JsonProperty("Test") List<String> test,
      @JsonProperty("Interval") Long interval,
      @JsonProperty("Timeout") Long timeout,
      @JsonProperty("StartPeriod") Long startPeriod,
      @JsonProperty("StartInterval") Long startInterval,
      @JsonProperty("Retries") Integer retries) {}

  @JsonPropertyOrder({
    "User",
    "ExposedPorts",
    "Env",
    "Entrypoint",
    "Cmd",
    "Volumes",
    "WorkingDir",
    "Labels",
    "StopSignal",
    "ArgsEscaped",
    "Healthcheck",
    "OnBuild",
    "Shell"
  })
  record WireRuntimeConfig(
      @JsonProperty("User") String user,
      @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
      @JsonProperty("Env") List<String> env,
      @JsonProperty("Entrypoint") List<String> entrypoint,
      @JsonProperty("Cmd") List<String> cmd,
      @JsonProperty("Volumes") Map<String, Object> volumes,
      @JsonProperty("WorkingDir") String workingDir,
      @JsonProperty("Labels") Map<String, String> labels,
      @JsonProperty("StopSignal") String stopSignal,
      @JsonProperty("ArgsEscaped") Boolean argsEscaped,
      @JsonProperty("Healthcheck") WireHealthcheck healthcheck,
      @JsonProperty("OnBuild") List<String> onBuild,
      @JsonProperty("Shell") List<String> shell) {}

  @JsonPropertyOrder({"type", "diff_ids"})
  record WireRootFs(
      @JsonProperty("type") String type, @JsonProperty("diff_ids") List<String> diffIds) {}

  @JsonPropertyOrder({"created", "created_by", "author", "comment", "empty_layer"})
  record WireHistory(
      @JsonProperty("created") String created,
      @JsonProperty("created_by") String createdBy,
      @JsonProperty("author") String author,
      @JsonProperty("comment") String comment,
      @JsonProperty("empty_layer") Boolean emptyLayer) {}

  @JsonPropertyOrder({
    "created",
    "author",
    "architecture",
    "os",
    "os.version",
    "os.features",
    "variant",
    "config",
    "rootfs",
    "history"
  })
  record WireImageConfig(
      @JsonProperty("created") String created,
      @JsonProperty("author") String author,
      @JsonProperty("architecture") String architecture,
      @JsonProperty("os") String os,
      @JsonProperty("os.version") String osVersion,
      @JsonProperty("os.features") List<String> osFeatures,
      @JsonProperty("variant") String variant,
      @JsonProperty("config") WireRuntimeConfig config,
      @JsonProperty("rootfs") WireRootFs rootfs,
      @JsonProperty("history") List<WireHistory> history) {}
}
