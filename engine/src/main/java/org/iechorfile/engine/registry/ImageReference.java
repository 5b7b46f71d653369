package org.iechorfile.engine.registry;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.InvalidDigestException;

/**
 * A fully qualified image reference, normalised as Docker does: {@code busybox} is {@code
 * docker.io/library/busybox:latest}. The first path component is a registry host when it contains a
 * {@code .} or a {@code :}, is {@code localhost}, or has upper-case letters.
 *
 * @param registry the registry host and optional port, for example {@code docker.io} or {@code
 *     127.0.0.1:5000}
 * @param repository the repository path, for example {@code library/busybox}
 * @param tag the tag; empty when the reference names only a digest
 * @param digest the manifest digest, when given
 */
public record ImageReference(
    String registry, String repository, String tag, Optional<Digest> digest) {

  /** The registry Docker Hub names are resolved against. */
  public static final String DOCKER_HUB = "docker.io";

  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final String LABEL = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final Pattern HOST =
      Pattern.compile(
          "(?:" + LABEL + "(?:\\." + LABEL + ")*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]{1,5})?");
  private static final Pattern HEX64 = Pattern.compile("[a-f0-9]{64}");

  public ImageReference {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(digest, "digest");
    if (tag.isEmpty() && digest.isEmpty()) {
      throw new IllegalArgumentException("an image reference needs a tag or a digest");
    }
    if (!HOST.matcher(registry).matches()) {
      throw new IllegalArgumentException("invalid registry host: " + registry);
    }
    if (!PATH.matcher(repository).matches()) {
      throw new IllegalArgumentException("invalid repository name: " + repository);
    }
    if (!tag.isEmpty() && !TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException("invalid tag: " + tag);
    }
  }

  /**
   * Parses and normalises a reference such as {@code busybox}, {@code 127.0.0.1:5000/team/app:1.0}
   * or {@code app:1.0@sha256:...}.
   *
   * @throws InvalidReferenceException with a message saying what is wrong and the expected form
   */
  public static ImageReference parse(String text) throws InvalidReferenceException {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw invalid(text, "it is empty");
    }
    String rest = text;
    Optional<Digest> digest = Optional.empty();
    int at = rest.indexOf('@');
    if (at >= 0) {
      try {
        digest = Optional.of(Digest.parse(rest.substring(at + 1)));
      } catch (InvalidDigestException e) {
        throw invalid(text, e.getMessage());
      }
      rest = rest.substring(0, at);
    }
    String tag = "";
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        throw invalid(text, "tag \"" + tag + "\" is not valid (letters, digits, _ . -; max 128)");
      }
    }
    return fromName(text, rest, tag.isEmpty() && digest.isEmpty() ? "latest" : tag, digest);
  }

  private static ImageReference fromName(
      String text, String name, String tag, Optional<Digest> digest)
      throws InvalidReferenceException {
    if (HEX64.matcher(name).matches()) {
      throw invalid(text, "a 64-character hexadecimal string is an image id, not a name");
    }
    String registry = DOCKER_HUB;
    String path = name;
    int slash = name.indexOf('/');
    if (slash > 0) {
      String first = name.substring(0, slash);
      boolean host =
          first.contains(".")
              || first.contains(":")
              || first.equals("localhost")
              || !first.toLowerCase(Locale.ROOT).equals(first);
      if (host) {
        registry = first;
        path = name.substring(slash + 1);
      }
    }
    if (registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
      registry = DOCKER_HUB;
    }
    if (!HOST.matcher(registry).matches()) {
      throw invalid(text, "registry \"" + registry + "\" is not a valid host[:port]");
    }
    if (!path.toLowerCase(Locale.ROOT).equals(path)) {
      throw invalid(text, "repository name \"" + path + "\" must be lower case");
    }
    if (!PATH.matcher(path).matches()) {
      throw invalid(text, "repository name \"" + path + "\" is not valid");
    }
    if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
      path = "library/" + path;
    }
    if (registry.length() + 1 + path.length() > 255) {
      throw invalid(text, "the name is longer than 255 characters");
    }
    return new ImageReference(registry, path, tag, digest);
  }

  private static InvalidReferenceException invalid(String text, String why) {
    return new InvalidReferenceException(
        "invalid image reference \""
            + text
            + "\": "
            + why
            + "; expected [registry/]name[:tag][@sha256:digest], e.g. busybox:latest");
  }

  /** What to ask the registry for: the digest when there is one, else the tag. */
  public String manifestReference() {
    return digest.map(Digest::toString).orElse(tag);
  }

  /** This reference pinned to {@code manifestDigest}, keeping its tag. */
  public ImageReference withDigest(Digest manifestDigest) {
    return new ImageReference(registry, repository, tag, Optional.of(manifestDigest));
  }

  /** This repository with {@code newTag} and no digest. */
  public ImageReference withTag(String newTag) {
    if (!TAG.matcher(newTag).matches()) {
      throw new IllegalArgumentException("invalid tag: " + newTag);
    }
    return new ImageReference(registry, repository, newTag, Optional.empty());
  }

  /** This image in the same registry under {@code otherRepository}. */
  public ImageReference inRepository(String otherRepository) {
    return new ImageReference(registry, otherRepository, tag, digest);
  }

  /** The short form Docker shows: {@code busybox:latest} rather than the full name. */
  public String familiar() {
    String name = registry + "/" + repository;
    if (registry.equals(DOCKER_HUB)) {
      name = repository.startsWith("library/") ? repository.substring(8) : repository;
    }
    return name + suffix();
  }

  private String suffix() {
    return (tag.isEmpty() ? "" : ":" + tag) + digest.map(d -> "@" + d).orElse("");
  }

  @Override
  public String toString() {
    return registry + "/" + repository + suffix();
  }
}
