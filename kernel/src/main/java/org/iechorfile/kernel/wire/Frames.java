package org.iechorfile.kernel.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One Jupyter message as ZeroMQ frames: routing identities, the {@code <IDS|MSG>} delimiter, the
 * signature, the four JSON parts as raw bytes, then binary buffers.
 *
 * @param identities routing frames before the delimiter (the topic for IOPub)
 * @param signature the hex signature as sent
 * @param header the header JSON
 * @param parent the parent header JSON
 * @param metadata the metadata JSON
 * @param content the content JSON
 * @param buffers extra binary frames
 */
public record Frames(
    List<byte[]> identities,
    String signature,
    byte[] header,
    byte[] parent,
    byte[] metadata,
    byte[] content,
    List<byte[]> buffers) {

  /** The delimiter between routing frames and the message. */
  public static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

  public Frames {
    identities = List.copyOf(identities);
    buffers = List.copyOf(buffers);
    header = header.clone();
    parent = parent.clone();
    metadata = metadata.clone();
    content = content.clone();
  }

  /**
   * Splits received frames at the delimiter.
   *
   * @throws MalformedMessageException when there is no delimiter or fewer than five frames after it
   */
  public static Frames split(List<byte[]> frames) throws MalformedMessageException {
    int delimiter = -1;
    for (int i = 0; i < frames.size(); i++) {
      if (Arrays.equals(frames.get(i), DELIMITER)) {
        delimiter = i;
        break;
      }
    }
    if (delimiter < 0) {
      throw new MalformedMessageException("no <IDS|MSG> delimiter in " + frames.size() + " frames");
    }
    if (frames.size() - delimiter < 6) {
      throw new MalformedMessageException(
          "a message needs a signature and four JSON frames after <IDS|MSG>; got "
              + (frames.size() - delimiter - 1));
    }
    int at = delimiter + 1;
    return new Frames(
        frames.subList(0, delimiter),
        new String(frames.get(at), StandardCharsets.US_ASCII),
        frames.get(at + 1),
        frames.get(at + 2),
        frames.get(at + 3),
        frames.get(at + 4),
        frames.subList(at + 5, frames.size()));
  }

  /** A message with its signature computed by {@code signer}. */
  public static Frames signed(
      Signer signer,
      List<byte[]> identities,
      byte[] header,
      byte[] parent,
      byte[] metadata,
      byte[] content) {
    String signature = signer.sign(List.of(header, parent, metadata, content));
    return new Frames(identities, signature, header, parent, metadata, content, List.of());
  }

  /** The four signed parts, in signing order. */
  public List<byte[]> signedParts() {
    return List.of(header, parent, metadata, content);
  }

  /** Whether the signature matches the parts, by {@code signer}. */
  public boolean verifiedBy(Signer signer) {
    return signer.verify(signature, signedParts());
  }

  /** The frames to send, in order. */
  public List<byte[]> join() {
    List<byte[]> frames = new ArrayList<>(identities.size() + 6 + buffers.size());
    frames.addAll(identities);
    frames.add(DELIMITER.clone());
    frames.add(signature.getBytes(StandardCharsets.US_ASCII));
    frames.add(header);
    frames.add(parent);
    frames.add(metadata);
    frames.add(content);
    frames.addAll(buffers);
    return frames;
  }
}
