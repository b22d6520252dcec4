package dev.portcullis.gateway;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * API Gateway's authorizer result cache for one API and stage: answers kept under their cache key
 * for the TTL, whatever route asked. Errors are never put in it. Time comes from an injected
 * nanosecond ticker, so tests move it without sleeping.
 */
final class ResultCache {

  /** The most answers kept; past it, expired ones go first, then all of them. */
  static final int MAX_ENTRIES = 10_000;

  private final long ttlNanos;
  private final LongSupplier ticker;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  /** One kept answer and the ticker reading at which it expires. */
  private record Entry(AuthorizerResponse response, long expiresAt) {}

  ResultCache(int ttlSeconds, LongSupplier ticker) {
    this.ttlNanos = ttlSeconds * 1_000_000_000L;
    this.ticker = ticker;
  }

  /** True when the TTL is above 0. */
  boolean enabled() {
    return ttlNanos > 0;
  }

  /** The answer kept under {@code key}, or null when there is none or it has expired. */
  AuthorizerResponse get(String key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (ticker.getAsLong() - entry.expiresAt() >= 0) {
      entries.remove(key, entry);
      return null;
    }
    return entry.response();
  }

  /** Keeps {@code response} under {@code key} for the TTL. */
  void put(String key, AuthorizerResponse response) {
    if (!enabled()) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      long now = ticker.getAsLong();
      entries.values().removeIf(e -> now - e.expiresAt() >= 0);
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
    }
    entries.put(key, new Entry(response, ticker.getAsLong() + ttlNanos));
  }

  /**
   * The cache key for the identity-source values: the token for TOKEN authorizers, every value in
   * order for REQUEST ones; each is prefixed by its length, so no two lists share a key.
   */
  static String key(List<String> values) {
    StringBuilder key = new StringBuilder();
    for (String value : values) {
      key.append(value.length()).append(':').append(value);
    }
    return key.toString();
  }
}
