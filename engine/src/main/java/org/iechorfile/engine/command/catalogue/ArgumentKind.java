package org.iechorfile.engine.command.catalogue;

/**
 * What a {@code %} command takes as its positional argument. Front ends use it to complete and
 * validate the argument; the meaning of the words is the command's own.
 */
public enum ArgumentKind {
  /** No argument. */
  NONE,
  /** A positive count of steps ({@code %undo 2}). */
  COUNT,
  /** A step number or id ({@code %goto 3}, {@code %diff 2 5}). */
  STEP,
  /** A path inside the working image ({@code %ls /app}). */
  IMAGE_PATH,
  /** A glob matched against paths inside the working image ({@code %find *.py}). */
  GLOB,
  /** A file on the host ({@code %export ./iEchorfile}). */
  HOST_FILE,
  /** A directory on the host ({@code %context ./app}). */
  HOST_DIRECTORY,
  /** A shell command line, taken verbatim ({@code %sh ls -la}). */
  COMMAND_LINE,
  /** An image name to give the working image ({@code %tag myapp:1.0}). */
  IMAGE_NAME,
  /** A registry reference to push to ({@code %push registry.example/app:1}). */
  IMAGE_REFERENCE,
  /** {@code NAME=VALUE} ({@code %arg VERSION=1.2}). */
  ASSIGNMENT,
  /** One word from a fixed list, given by {@link CommandSpec#choices()}. */
  CHOICE,
  /** An instruction or command name to explain ({@code %help RUN}). */
  TOPIC
}
