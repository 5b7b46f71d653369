package org.iechorfile.engine.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip stream compressed on several threads, as pigz does: the input is cut into 1 MiB blocks,
 * each deflated on its own (ending on a byte boundary with a sync flush) and written in order, so
 * the output is one valid gzip member and the same whatever the number of threads. The checksum and
 * length are computed on the writing thread.
 *
 * <p>Not thread-safe: one writer. {@link #close()} finishes the gzip member but leaves the
 * underlying stream open (it is flushed).
 */
final class ParallelGzipOutputStream extends OutputStream {

  private static final int BLOCK = 1 << 20;
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private final OutputStream out;
  private final ExecutorService pool;
  private final int maxPending;
  private final CRC32 crc = new CRC32();
  private final Deque<Future<byte[]>> pending = new ArrayDeque<>();
  private byte[] block = new byte[BLOCK];
  private int filled;
  private long size;
  private boolean closed;

  /** A stream into {@code out}, deflating blocks on {@code pool} (up to {@code threads} ahead). */
  ParallelGzipOutputStream(OutputStream out, ExecutorService pool, int threads) throws IOException {
    this.out = out;
    this.pool = pool;
    this.maxPending = Math.max(2, threads * 2);
    out.write(HEADER);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    if (closed) {
      throw new IOException("the gzip stream is closed");
    }
    crc.update(bytes, offset, length);
    size += length;
    while (length > 0) {
      int n = Math.min(length, BLOCK - filled);
      System.arraycopy(bytes, offset, block, filled, n);
      filled += n;
      offset += n;
      length -= n;
      if (filled == BLOCK) {
        submit(false);
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    submit(true);
    while (!pending.isEmpty()) {
      writeNext();
    }
    long value = crc.getValue();
    byte[] trailer = new byte[8];
    for (int i = 0; i < 4; i++) {
      trailer[i] = (byte) (value >>> (8 * i));
      trailer[4 + i] = (byte) (size >>> (8 * i));
    }
    out.write(trailer);
    out.flush();
  }

  private void submit(boolean last) throws IOException {
    byte[] data = block;
    int length = filled;
    pending.add(pool.submit(() -> deflate(data, length, last)));
    block = new byte[BLOCK];
    filled = 0;
    while (pending.size() > maxPending) {
      writeNext();
    }
  }

  private void writeNext() throws IOException {
    Future<byte[]> next = pending.removeFirst();
    try {
      out.write(next.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pending.forEach(f -> f.cancel(true));
      throw new IOException("interrupted while compressing a layer", e);
    } catch (ExecutionException e) {
      throw new IOException("a layer block could not be compressed: " + e.getCause(), e);
    }
  }

  private static byte[] deflate(byte[] data, int length, boolean last) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setInput(data, 0, length);
      ByteArrayOutputStream compressed = new ByteArrayOutputStream(length / 2 + 64);
      byte[] buffer = new byte[65536];
      if (last) {
        deflater.finish();
        while (!deflater.finished()) {
          compressed.write(buffer, 0, deflater.deflate(buffer));
        }
      } else {
        int count;
        do {
          count = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
          compressed.write(buffer, 0, count);
        } while (count == buffer.length);
      }
      return compressed.toByteArray();
    } finally {
      deflater.end();
    }
  }
}
