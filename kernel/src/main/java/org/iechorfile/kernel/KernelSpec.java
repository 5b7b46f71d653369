package org.iechorfile.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Jupyter kernelspec of the iEchorfile kernel: a {@code kernel.json} whose argv holds absolute
 * java and jar paths (so VS Code, which substitutes no {@code {resource_dir}}, starts it too),
 * {@code interrupt_mode: message}, and the logos. Writing it again replaces it.
 */
public final class KernelSpec {

  /** The kernelspec's name, as {@code jupyter kernelspec list} shows it. */
  public static final String NAME = "iechorfile";

  private static final List<String> LOGOS = List.of("logo-32x32.png", "logo-64x64.png");

  private final List<String> launcher;

  private KernelSpec(List<String> launcher) {
    this.launcher = List.copyOf(launcher);
  }

  /**
   * A kernelspec starting {@code jar} with {@code java}.
   *
   * @param java the absolute path of the java launcher
   * @param jar the absolute path of the iechorfile jar
   * @throws IllegalArgumentException when a path is relative
   */
  public static KernelSpec forJar(Path java, Path jar) {
    requireAbsolute(java);
    requireAbsolute(jar);
    return new KernelSpec(List.of(java.toString(), "-jar", jar.toString()));
  }

  /**
   * A kernelspec starting {@code jar} with {@code java}, mapping the classes of the class-data
   * archive {@code archive} when it is there (and starting as usual when it is not, or no longer
   * matches the jar): the kernel is ready sooner.
   *
   * @param java the absolute path of the java launcher
   * @param jar the absolute path of the iechorfile jar
   * @param archive the absolute path of the class-data archive made from that jar
   * @throws IllegalArgumentException when a path is relative
   */
  public static KernelSpec forJar(Path java, Path jar, Path archive) {
    requireAbsolute(java);
    requireAbsolute(jar);
    requireAbsolute(archive);
    return new KernelSpec(
        List.of(
            java.toString(),
            "-XX:SharedArchiveFile=" + archive,
            "-Xshare:auto",
            "-Xlog:cds=off",
            "-Xlog:cds+dynamic=off",
            "-jar",
            jar.toString()));
  }

  /**
   * A kernelspec starting the {@code iechorfile} launcher script, for users the launcher runs in a
   * user namespace: the kernel then gets one too.
   *
   * @param launcher the absolute path of the launcher
   * @throws IllegalArgumentException when the path is relative
   */
  public static KernelSpec forLauncher(Path launcher) {
    requireAbsolute(launcher);
    return new KernelSpec(List.of(launcher.toString()));
  }

  /**
   * A kernelspec starting {@code mainClass} from {@code classpath} with {@code java}, for running
   * from a build tree without the packaged jar.
   *
   * @throws IllegalArgumentException when the java path is relative
   */
  public static KernelSpec forClasspath(Path java, String classpath, String mainClass) {
    requireAbsolute(java);
    return new KernelSpec(List.of(java.toString(), "-cp", classpath, mainClass));
  }

  private static void requireAbsolute(Path path) {
    if (!path.isAbsolute()) {
      throw new IllegalArgumentException("the kernelspec needs absolute paths; got " + path);
    }
  }

  /** The kernels directory under a prefix: {@code PREFIX/share/jupyter/kernels}. */
  public static Path kernelsUnderPrefix(Path prefix) {
    return prefix.resolve("share/jupyter/kernels");
  }

  /**
   * The user's kernels directory: {@code $JUPYTER_DATA_DIR/kernels}, else {@code
   * $XDG_DATA_HOME/jupyter/kernels}, else {@code ~/.local/share/jupyter/kernels}.
   */
  public static Path userKernels(Map<String, String> environment, Path home) {
    String data = environment.getOrDefault("JUPYTER_DATA_DIR", "");
    if (!data.isEmpty()) {
      return Path.of(data).resolve("kernels");
    }
    String xdg = environment.getOrDefault("XDG_DATA_HOME", "");
    Path base = xdg.isEmpty() ? home.resolve(".local/share") : Path.of(xdg);
    return base.resolve("jupyter/kernels");
  }

  /** The content of {@code kernel.json}. */
  public Map<String, Object> kernelJson() {
    Map<String, Object> spec = new LinkedHashMap<>();
    List<String> argv = new ArrayList<>(launcher);
    argv.addAll(List.of("kernel", "run", "{connection_file}"));
    spec.put("argv", argv);
    spec.put("display_name", "iEchorfile");
    spec.put("language", "dockerfile");
    spec.put("interrupt_mode", "message");
    spec.put("env", Map.of());
    spec.put("metadata", Map.of("debugger", false));
    return spec;
  }

  /**
   * Writes the kernelspec into {@code kernels/iechorfile}, replacing an earlier one.
   *
   * @return the kernelspec directory
   */
  public Path writeTo(Path kernels) throws IOException {
    Path dir = Files.createDirectories(kernels.resolve(NAME));
    byte[] json =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsBytes(kernelJson());
    Path temp = Files.createTempFile(dir, "kernel", ".json.tmp");
    Files.write(temp, json);
    Files.move(
        temp,
        dir.resolve("kernel.json"),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    for (String logo : LOGOS) {
      try (InputStream in = KernelSpec.class.getResourceAsStream(logo)) {
        if (in == null) {
          throw new IOException("the jar lacks " + logo + "; rebuild it");
        }
        Files.copy(in, dir.resolve(logo), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return dir;
  }
}
