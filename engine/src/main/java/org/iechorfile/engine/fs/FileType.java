package org.iechorfile.engine.fs;

/** The kind of an entry in an image's filesystem. */
public enum FileType {
  /** A regular file. */
  FILE,
  /** A directory. */
  DIRECTORY,
  /** A symbolic link. */
  SYMLINK,
  /** A character device. */
  CHAR_DEVICE,
  /** A block device. */
  BLOCK_DEVICE,
  /** A named pipe. */
  FIFO,
  /** A socket. */
  SOCKET;

  private static final int S_IFMT = 0170000;

  /** The type encoded in the {@code st_mode} bits {@code mode}. */
  static FileType ofMode(int mode) {
    return switch (mode & S_IFMT) {
      case 0040000 -> DIRECTORY;
      case 0120000 -> SYMLINK;
      case 0020000 -> CHAR_DEVICE;
      case 0060000 -> BLOCK_DEVICE;
      case 0010000 -> FIFO;
      case 0140000 -> SOCKET;
      default -> FILE;
    };
  }

  /** The letter {@code ls -l} shows for this type. */
  public char letter() {
    return switch (this) {
      case FILE -> '-';
      case DIRECTORY -> 'd';
      case SYMLINK -> 'l';
      case CHAR_DEVICE -> 'c';
      case BLOCK_DEVICE -> 'b';
      case FIFO -> 'p';
      case SOCKET -> 's';
    };
  }
}
