package dev.portcullis.domain.service;

import java.util.concurrent.atomic.AtomicLong;

/** Counts a cache's hits and misses. */
public final class CacheStatistics {

  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  void hit() {
    hits.incrementAndGet();
  }

  void miss() {
    misses.incrementAndGet();
  }

  public long hits() {
    return hits.get();
  }

  public long misses() {
    return misses.get();
  }
}
