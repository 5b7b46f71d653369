package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.iechorfile.engine.image.ImageConfig;
import org.iechorfile.engine.image.Platform;

/**
 * A busybox base image made straight into a store's layer directory from Debian's busybox-static,
 * for session tests that need real commands but no registry.
 */
final class BusyboxLayer {

  private BusyboxLayer() {}

  /** A {@link BaseImages} that knows {@code busybox}, unpacked into {@code home}'s layers. */
  static BaseImages images(Path home) throws IOException, InterruptedException {
    Path busybox = Path.of("/bin/busybox");
    if (!Files.isExecutable(busybox)) {
      fail("/bin/busybox is missing: install the Debian package busybox-static (./run-tests does)");
    }
    StepLayers layers = new StepLayers(home);
    String id = "busybox-test-base";
    Path root = home.resolve("session/layers").resolve(id);
    if (!Files.exists(root)) {
      Path bin = Files.createDirectories(root.resolve("bin"));
      Files.copy(busybox, bin.resolve("busybox"));
      Process list = new ProcessBuilder(busybox.toString(), "--list").start();
      for (String applet : new String(list.getInputStream().readAllBytes()).split("\n")) {
        if (!applet.isBlank() && !applet.equals("busybox")) {
          Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
        }
      }
      assertEquals(0, list.waitFor());
      Path etc = Files.createDirectories(root.resolve("etc"));
      Files.writeString(
          etc.resolve("passwd"),
          "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n"
              + "nobody:x:65534:65534:nobody:/:/bin/false\n");
      Files.writeString(etc.resolve("group"), "root:x:0:\napp:x:1000:\nstaff:x:50:app\n");
      Path tmp = Files.createDirectories(root.resolve("tmp"));
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
      Files.setAttribute(tmp, "unix:mode", 01777);
      Path app = Files.createDirectories(root.resolve("home/app"));
      Files.setAttribute(app, "unix:uid", 1000);
      Files.setAttribute(app, "unix:gid", 1000);
      Files.createDirectories(root.resolve("root"));
    }
    LayerRef layer = layers.ref(id);
    ImageConfig config =
        ImageConfig.empty(Platform.LINUX_AMD64)
            .withEnv("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
            .withCmd(List.of("sh"));
    return new FixedImages(
        Map.of(
            "busybox",
            new BaseImages.Image("docker.io/library/busybox:latest", config, List.of(layer))));
  }
}
