package dev.portcullis.bootstrap.serve;

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
            + String.format(Locale.ROOT, "%.1fms", latencyNanos / 1e6)
            + " cache="
            + cache.label()
            + " principal="
            + (principal == null ? "-" : principal));
  }
}
