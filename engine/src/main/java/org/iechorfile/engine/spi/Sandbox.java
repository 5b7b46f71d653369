package org.iechorfile.engine.spi;

import java.util.List;

/**
 * Runs a command in an isolated view of an image's filesystem: the layers stacked read-only under a
 * fresh writable directory that becomes the step's new layer.
 *
 * <p>Implementations are thread-safe: several sessions may run commands at once.
 */
public interface Sandbox {

  /**
   * What this machine lacks to run commands, one sentence each with what to do about it; empty when
   * commands can run. Everything that needs no command (config instructions, inspection, export)
   * works without a sandbox.
   */
  List<String> missingPrerequisites();

  /**
   * Runs {@code request}, streaming its output to {@code output} as it arrives, and waits for it.
   *
   * @param request what to run and on which layers
   * @param output receives decoded text from the command's stdout and stderr, from reader threads,
   *     in arrival order per stream
   * @param cancellation stops the command (and every process it started) when cancelled
   * @return the exit status
   * @throws SandboxException when the sandbox itself cannot be set up (not when the command fails)
   * @throws InterruptedException when the calling thread is interrupted; the command is killed
   */
  SandboxResult run(SandboxRequest request, SandboxOutput output, Cancellation cancellation)
      throws SandboxException, InterruptedException;

  /**
   * Runs {@code request} with this process's standard input, output and error (a terminal, for an
   * interactive shell) and waits for it. Sandboxes that cannot do this refuse.
   *
   * @throws SandboxException when the sandbox cannot be set up or cannot attach a terminal
   */
  default SandboxResult runAttached(SandboxRequest request)
      throws SandboxException, InterruptedException {
    throw new SandboxException("this sandbox cannot attach a terminal to a command");
  }
}
