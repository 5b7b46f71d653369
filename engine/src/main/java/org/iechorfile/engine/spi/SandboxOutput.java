package org.iechorfile.engine.spi;

/** Receives a running command's output, already decoded from UTF-8. */
public interface SandboxOutput {

  /** Text the command wrote to standard output. Called from a reader thread. */
  void stdout(String text);

  /** Text the command wrote to standard error. Called from a reader thread. */
  void stderr(String text);
}
