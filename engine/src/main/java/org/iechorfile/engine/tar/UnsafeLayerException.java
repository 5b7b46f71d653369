package org.iechorfile.engine.tar;

/**
 * A layer archive tried to write outside its snapshot directory: an absolute path, a {@code ..}
 * component, an entry below a symbolic link, or a hard link to a path outside the layer. Nothing of
 * the layer is kept.
 */
public final class UnsafeLayerException extends LayerFormatException {
  private static final long serialVersionUID = 1L;

  public UnsafeLayerException(String message) {
    super(message);
  }
}
