package dev.portcullis.gateway;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;

/**
 * One line per request on standard error: time, method, path (never the query string, which may
 * carry a token), status, latency, cache use and principal. No header, cookie or token ever.
 */
final class AccessLog {

  /** How the authorizer's cache served a request. */
  enum Cache {
    /** Answered from the cache. */
    HIT,
    /** Not in the cache: the authorizer ran. */
    MISS,
    /** The cache is off (TTL 0) and the authorizer ran. */
    OFF,
    /** Refused before the authorizer was consulted. */
    NONE;

    String label() {
      return this == NONE ? "-" : name().toLowerCase(Locale.ROOT);
    }
  }

  private final PrintStream out;

  AccessLog(PrintStream out) {
    this.out = out;
  }

  void log(
      Instant at,
      String method,
      String path,
      int status,
      long latencyNanos,
      Cache cache,
      String principal) {
    out.println(
        at
            + " "
            + method
            + " "
            + path
            + " "
            + status
            + " "
            + millis(latencyNanos)
            + " cache="
            + cache.label()
            + " principal="
            + (principal == null ? "-" : printable(principal)));
  }

  /**
   * {@code 12.3ms}. Hand-written rather than {@code String.format}, which parses its pattern on
   * every call, and this runs once per request.
   */
  static String millis(long nanos) {
    long tenths = Math.max(0, nanos) / 100_000;
    return tenths / 10 + "." + tenths % 10 + "ms";
  }

  /** The authorizer chose the principal: a control character in it must not forge a log line. */
  private static String printable(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      clean.append(c < 0x20 || c == 0x7F ? '?' : c);
    }
    return clean.toString();
  }
}
