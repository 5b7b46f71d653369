package org.iechorfile.engine.tar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the small Debian tools that do what Java NIO cannot ({@code mknod} from coreutils,
 * {@code setfattr}/{@code getfattr} from attr): built from an argv list, stdout and stderr drained
 * concurrently, bounded in time, the whole process tree destroyed on timeout or interrupt.
 */
final class NativeTool {

  private static final long TIMEOUT_SECONDS = 300;

  private NativeTool() {}

  /**
   * Runs {@code argv} to completion and returns its standard output.
   *
   * @param debianPackage the package that provides the tool, named in the error when it is missing
   * @throws IOException when the tool is missing, fails, or runs longer than five minutes
   */
  static byte[] run(List<String> argv, String debianPackage) throws IOException {
    Process process;
    try {
      List<String> command = new ArrayList<>(argv);
      command.set(0, SystemPrograms.find(argv.get(0)).map(Path::toString).orElse(argv.get(0)));
      process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      throw new IOException(
          "cannot run "
              + argv.get(0)
              + ": "
              + e.getMessage()
              + "; install the Debian package '"
              + debianPackage
              + "'",
          e);
    }
    process.getOutputStream().close();
    CompletableFuture<byte[]> stdout = drain(process.getInputStream());
    CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        destroyTree(process);
        throw new IOException(argv.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      byte[] out = stdout.join();
      String err = new String(stderr.join(), StandardCharsets.UTF_8).trim();
      if (process.exitValue() != 0) {
        throw new IOException(
            argv.get(0) + " failed with exit code " + process.exitValue() + ": " + firstLine(err));
      }
      return out;
    } catch (InterruptedException e) {
      destroyTree(process);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + argv.get(0), e);
    } catch (CompletionException e) {
      throw new IOException("cannot read the output of " + argv.get(0), e.getCause());
    }
  }

  /** Drains on a thread of its own: the common pool may have a single worker on two cores. */
  private static CompletableFuture<byte[]> drain(InputStream in) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (in) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                in.transferTo(buffer);
                result.complete(buffer.toByteArray());
              } catch (IOException e) {
                result.completeExceptionally(new UncheckedIOException(e));
              }
            },
            "native-tool-drain");
    reader.setDaemon(true);
    reader.start();
    return result;
  }

  private static void destroyTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
