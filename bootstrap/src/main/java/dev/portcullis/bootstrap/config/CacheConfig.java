package dev.portcullis.bootstrap.config;

import java.time.Duration;

/**
 * The in-function cache of resolutions: how long a found session and a "not found" stay cached, and
 * how many entries it holds. A zero {@code ttl} turns it off.
 */
public record CacheConfig(Duration ttl, Duration notFoundTtl, int maxEntries) {

  public boolean enabled() {
    return !ttl.isZero();
  }
}
