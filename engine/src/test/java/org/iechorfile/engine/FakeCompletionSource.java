package org.iechorfile.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A completion source over fixed lists, recording what it was asked. */
final class FakeCompletionSource implements CompletionSource {

  final List<String> asked = new ArrayList<>();

  private static final List<String> IMAGE =
      List.of("/app/", "/etc/", "/etc/os-release", "/usr/", "/usr/local/", "/usr/lib/");
  private static final List<String> BUILD_STAGE = List.of("/out/", "/out/app", "/usr/local/bin/");
  private static final List<String> CONTEXT = List.of("requirements.txt", "src/", "setup.py");
  private static final List<String> HOST = List.of("iEchorfile", "out/", "image.tar");

  @Override
  public List<String> imagePaths(String prefix) {
    asked.add("imagePaths " + prefix);
    return starting(IMAGE, prefix);
  }

  @Override
  public List<String> stagePaths(String stage, String prefix) {
    asked.add("stagePaths " + stage + " " + prefix);
    return stage.equals("build") ? starting(BUILD_STAGE, prefix) : List.of();
  }

  @Override
  public List<String> contextPaths(String prefix) {
    asked.add("contextPaths " + prefix);
    return starting(CONTEXT, prefix);
  }

  @Override
  public List<String> hostPaths(String prefix) {
    asked.add("hostPaths " + prefix);
    return starting(HOST, prefix);
  }

  @Override
  public List<String> stageNames() {
    asked.add("stageNames");
    return List.of("base");
  }

  @Override
  public List<String> storeImages(String prefix) {
    asked.add("storeImages " + prefix);
    return starting(List.of("python:3.12", "python:3.12-slim", "alpine:3.20"), prefix);
  }

  @Override
  public List<String> variables() {
    asked.add("variables");
    return List.of("HOME", "PATH");
  }

  @Override
  public List<String> users(String prefix) {
    asked.add("users " + prefix);
    // Deliberately unfiltered: the analysis filters again.
    return List.of("root", "app", "nobody");
  }

  private static List<String> starting(List<String> values, String prefix) {
    return values.stream().filter(v -> v.startsWith(prefix)).collect(Collectors.toList());
  }
}
