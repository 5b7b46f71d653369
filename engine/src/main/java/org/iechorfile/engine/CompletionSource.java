package org.iechorfile.engine;

import java.util.List;

/**
 * What completion knows beyond the text being typed: the working image's files, the build context,
 * the store and the session's variables. The session implements it; {@link #empty()} knows nothing.
 *
 * <p>Every method is called on the thread that asks for completions, must answer quickly (it runs
 * on each Tab) and must do no network I/O. Each returns whole words that start with the given
 * prefix (the analysis filters again, so returning more is harmless); directories end with {@code
 * /}. Methods never return null and should not throw.
 */
public interface CompletionSource {

  /**
   * Paths in the working image starting with {@code prefix}: absolute when the prefix is, otherwise
   * relative to the image's working directory.
   */
  List<String> imagePaths(String prefix);

  /**
   * Paths in the filesystem of build stage {@code stage} (a name or index) starting with {@code
   * prefix}.
   */
  List<String> stagePaths(String stage, String prefix);

  /** Paths in the build context starting with {@code prefix}, relative to the context directory. */
  List<String> contextPaths(String prefix);

  /** Paths on the host starting with {@code prefix}, relative to the session's directory. */
  List<String> hostPaths(String prefix);

  /** The names of the build stages of the session, in order. */
  List<String> stageNames();

  /** References of images in the local store starting with {@code prefix} ({@code python:3.12}). */
  List<String> storeImages(String prefix);

  /** The names of the variables in effect: the image's ENV and the session's build arguments. */
  List<String> variables();

  /**
   * The user names of the working image (from its {@code /etc/passwd}) starting with {@code
   * prefix}.
   */
  List<String> users(String prefix);

  /** A source that knows nothing: completion then draws only on the text and the catalogues. */
  static CompletionSource empty() {
    return Empty.INSTANCE;
  }

  /** The source behind {@link CompletionSource#empty()}. */
  enum Empty implements CompletionSource {
    INSTANCE;

    @Override
    public List<String> imagePaths(String prefix) {
      return List.of();
    }

    @Override
    public List<String> stagePaths(String stage, String prefix) {
      return List.of();
    }

    @Override
    public List<String> contextPaths(String prefix) {
      return List.of();
    }

    @Override
    public List<String> hostPaths(String prefix) {
      return List.of();
    }

    @Override
    public List<String> stageNames() {
      return List.of();
    }

    @Override
    public List<String> storeImages(String prefix) {
      return List.of();
    }

    @Override
    public List<String> variables() {
      return List.of();
    }

    @Override
    public List<String> users(String prefix) {
      return List.of();
    }
  }
}
