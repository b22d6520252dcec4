package dev.portcullis.adapters.lambda;

import java.io.IOException;
import java.io.InputStream;

/**
 * Hands on at most {@code limit} bytes of a stream and then reports end of stream, remembering
 * whether more was there: an oversized event is refused without being read into memory.
 */
final class LimitedInputStream extends InputStream {

  private final InputStream in;
  private long remaining;
  private boolean exceeded;

  LimitedInputStream(InputStream in, long limit) {
    this.in = in;
    this.remaining = limit;
  }

  /** True once the stream was found to hold more than the limit. */
  boolean exceeded() {
    return exceeded;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n <= 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (remaining <= 0) {
      // Reads one byte past the limit, only to tell "exactly at the limit" from "larger".
      if (!exceeded && in.read() >= 0) {
        exceeded = true;
      }
      return -1;
    }
    int n = in.read(buffer, offset, (int) Math.min(length, remaining));
    if (n > 0) {
      remaining -= n;
    }
    return n;
  }
}
