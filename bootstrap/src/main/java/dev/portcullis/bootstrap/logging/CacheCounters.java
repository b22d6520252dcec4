package dev.portcullis.bootstrap.logging;

import dev.portcullis.domain.port.out.IdentityResolver;
import dev.portcullis.domain.service.CacheStatistics;
import dev.portcullis.domain.service.CachingIdentityResolver;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The in-function caches' hits and misses since the previous decision, summed over every cache of
 * the backend chain. It is told the chain after the component is built, because the observer that
 * reads it must exist before. Until then, and for a chain without a cache, it is empty.
 */
public final class CacheCounters {

  private volatile List<CacheStatistics> caches = List.of();
  private long hits;
  private long misses;

  /** Watches the caches of this chain; their counts so far are the baseline. */
  public synchronized void watch(List<? extends IdentityResolver> chain) {
    caches =
        chain.stream()
            .filter(CachingIdentityResolver.class::isInstance)
            .map(CachingIdentityResolver.class::cast)
            .map(CachingIdentityResolver::statistics)
            .toList();
    hits = total(CacheStatistics::hits);
    misses = total(CacheStatistics::misses);
  }

  /** True when there is no cache to count: no cached backend, or {@link #watch} not called yet. */
  public boolean isEmpty() {
    return caches.isEmpty();
  }

  /** Hits and misses since the previous call (or since {@link #watch}). */
  public synchronized Delta next() {
    long totalHits = total(CacheStatistics::hits);
    long totalMisses = total(CacheStatistics::misses);
    Delta delta = new Delta(Math.max(0, totalHits - hits), Math.max(0, totalMisses - misses));
    hits = Math.max(hits, totalHits);
    misses = Math.max(misses, totalMisses);
    return delta;
  }

  private long total(ToLongFunction<CacheStatistics> count) {
    return caches.stream().mapToLong(count).sum();
  }

  /**
   * Counts over one interval.
   *
   * @param hits resolutions answered from the in-function cache
   * @param misses resolutions that went to the backend
   */
  public record Delta(long hits, long misses) {}
}
