package dev.portcullis.domain.service;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Fingerprint;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.port.out.IdentityResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An in-function cache of resolutions in front of a remote identity backend, keyed by fingerprint.
 *
 * <p>Answers are kept for {@code ttl}, "not found" and "invalid" only for the shorter {@code
 * notFoundTtl} (a flood of random tokens still reaches the backend only once per token and window),
 * and an identity never beyond its own expiry (the authorize service checks that expiry again on
 * every call). Failures are never cached: a backend that cannot answer is asked again on the next
 * call.
 *
 * <p>Hand-written rather than a cache library: a Lambda instance serves one request at a time, so a
 * synchronized access-ordered {@link LinkedHashMap} is enough, and the domain stays on the JDK
 * alone.
 */
public final class CachingIdentityResolver implements IdentityResolver {

  private final IdentityResolver delegate;
  private final Clock clock;
  private final Duration ttl;
  private final Duration notFoundTtl;
  private final Map<Fingerprint, Entry> entries;
  private final CacheStatistics statistics = new CacheStatistics();

  public CachingIdentityResolver(
      IdentityResolver delegate, Clock clock, Duration ttl, Duration notFoundTtl, int maxEntries) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.notFoundTtl = Objects.requireNonNull(notFoundTtl, "notFoundTtl");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
    }
    if (notFoundTtl.compareTo(ttl) > 0) {
      throw new IllegalArgumentException("notFoundTtl must not exceed ttl");
    }
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Fingerprint, Entry> eldest) {
            return size() > maxEntries;
          }
        };
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public boolean accepts(Credential credential) {
    return delegate.accepts(credential);
  }

  @Override
  public Resolution resolve(Credential credential) {
    Fingerprint key = credential.fingerprint();
    Instant now = clock.instant();
    Entry cached;
    synchronized (entries) {
      cached = entries.get(key);
      if (cached != null && !now.isBefore(cached.until())) {
        entries.remove(key);
        cached = null;
      }
    }
    if (cached != null) {
      statistics.hit();
      return cached.resolution();
    }
    statistics.miss();
    Resolution resolution = delegate.resolve(credential);
    Instant until =
        now.plus(
            resolution instanceof Resolution.NotFound || resolution instanceof Resolution.Invalid
                ? notFoundTtl
                : ttl);
    if (resolution instanceof Resolution.Resolved resolved
        && resolved.identity().expiresAt().isBefore(until)) {
      until = resolved.identity().expiresAt();
    }
    if (now.isBefore(until)) {
      synchronized (entries) {
        entries.put(key, new Entry(resolution, until));
      }
    }
    return resolution;
  }

  /** Hits and misses since start, for metrics. */
  public CacheStatistics statistics() {
    return statistics;
  }

  private record Entry(Resolution resolution, Instant until) {}
}
