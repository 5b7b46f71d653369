package org.iechorfile.engine.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a child's output stream to its end and hands it on as text as it arrives. A UTF-8 sequence
 * split across two reads is decoded whole; malformed bytes become U+FFFD.
 */
final class TextPump implements Runnable {

  private static final System.Logger LOG = System.getLogger(TextPump.class.getName());

  private final InputStream in;
  private final Consumer<String> sink;

  TextPump(InputStream in, Consumer<String> sink) {
    this.in = in;
    this.sink = sink;
  }

  @Override
  public void run() {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    ByteBuffer bytes = ByteBuffer.allocate(8192);
    CharBuffer chars = CharBuffer.allocate(8192);
    try (in) {
      int n;
      while ((n = in.read(bytes.array(), bytes.position(), bytes.remaining())) >= 0) {
        bytes.position(bytes.position() + n);
        bytes.flip();
        decoder.decode(bytes, chars, false);
        bytes.compact();
        emit(chars);
      }
      bytes.flip();
      decoder.decode(bytes, chars, true);
      decoder.flush(chars);
      emit(chars);
    } catch (IOException e) {
      // The stream closes under us when the process is killed; what was read has been handed on.
      LOG.log(System.Logger.Level.DEBUG, "output stream ended: {0}", e.getMessage());
    }
  }

  private void emit(CharBuffer chars) {
    chars.flip();
    if (chars.hasRemaining()) {
      sink.accept(chars.toString());
    }
    chars.clear();
  }
}
