package dev.portcullis.adapters.jwt;

import dev.portcullis.adapters.jwt.JwtSettings.TrustedIssuer;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signing keys of each configured issuer, fetched from that issuer's JWKS URL only.
 *
 * <p>Hand-written rather than nimbus's {@code JWKSourceBuilder}: the rules an authorizer needs are
 * few and exact (keys kept per issuer; a refetch on an unknown key id or after {@code maxAge}, at
 * most once per {@code minInterval} per issuer whatever the traffic; cached keys kept while a
 * refresh fails; "cannot answer" only when no cached key matches), they run on the injected clock,
 * and the builder's retrying, outage-tolerant and refresh-ahead sources load extra classes, and a
 * background executor for refresh-ahead, that a single-request Lambda instance never needs.
 *
 * <p>A fetch happens on the calling thread while that issuer's lock is held, so concurrent callers
 * share one fetch. The lock is per issuer: one slow issuer never delays another's tokens.
 */
final class JwksCache {

  private final Map<String, IssuerKeys> byIssuer = new HashMap<>();
  private final JwksFetcher fetcher;
  private final Clock clock;
  private final Duration minInterval;
  private final Duration maxAge;

  JwksCache(
      List<TrustedIssuer> issuers,
      Map<String, KeySet> prefetched,
      JwksFetcher fetcher,
      Clock clock,
      Duration minInterval,
      Duration maxAge) {
    this.fetcher = fetcher;
    this.clock = clock;
    this.minInterval = minInterval;
    this.maxAge = maxAge;
    Instant now = clock.instant();
    for (TrustedIssuer issuer : issuers) {
      KeySet keys = prefetched.get(issuer.issuer());
      byIssuer.put(
          issuer.issuer(),
          new IssuerKeys(issuer, keys == null ? KeySet.EMPTY : keys, keys == null ? null : now));
    }
  }

  /**
   * The key with this id in the issuer's JWKS, fetching the JWKS when the id is unknown or the keys
   * are older than the maximum age, within the rate limit. Empty means "the issuer does not hold
   * this key", known for certain.
   *
   * @throws BackendUnavailableException when no cached key matches and the issuer's JWKS cannot be
   *     fetched: the token can be neither accepted nor refused
   */
  Optional<TrustedKey> key(String issuer, String kid) {
    IssuerKeys keys = byIssuer.get(issuer);
    if (keys == null) {
      throw new IllegalArgumentException("not a configured issuer");
    }
    return keys.find(kid);
  }

  /** Primes every key held now: the pre-fetched ones, at start-up. Fetches nothing. */
  void prime() {
    for (IssuerKeys keys : byIssuer.values()) {
      keys.held().all().forEach(TrustedKey::prime);
    }
  }

  /** One issuer's keys and the state of its fetches. */
  private final class IssuerKeys {
    private final TrustedIssuer issuer;
    private KeySet keys;
    private Instant loadedAt;
    private Instant lastAttempt;
    private Exception lastFailure;

    IssuerKeys(TrustedIssuer issuer, KeySet keys, Instant loadedAt) {
      this.issuer = issuer;
      this.keys = keys;
      this.loadedAt = loadedAt;
    }

    synchronized KeySet held() {
      return keys;
    }

    synchronized Optional<TrustedKey> find(String kid) {
      Instant now = clock.instant();
      Optional<TrustedKey> key = keys.byKid(kid);
      if (key.isPresent() && !stale(now)) {
        return key;
      }
      if (mayFetch(now)) {
        fetch(now);
        key = keys.byKid(kid);
      }
      if (key.isPresent()) {
        return key;
      }
      if (lastFailure != null || loadedAt == null) {
        throw new BackendUnavailableException(
            "jwt",
            "no cached key matches the token and the JWKS of issuer '"
                + issuer.issuer()
                + "' could not be fetched",
            lastFailure);
      }
      return Optional.empty();
    }

    private boolean stale(Instant now) {
      return loadedAt == null || (!maxAge.isZero() && !now.isBefore(loadedAt.plus(maxAge)));
    }

    private boolean mayFetch(Instant now) {
      return lastAttempt == null || !now.isBefore(lastAttempt.plus(minInterval));
    }

    private void fetch(Instant now) {
      lastAttempt = now;
      URI url = issuer.jwksUrl();
      try {
        keys = KeySet.parse(fetcher.fetch(url));
        loadedAt = now;
        lastFailure = null;
      } catch (IOException | ParseException | RuntimeException e) {
        lastFailure = e;
        System.err.println(
            "portcullis jwt: fetching the JWKS of issuer '"
                + issuer.issuer()
                + "' from "
                + url
                + " failed ("
                + e.getClass().getSimpleName()
                + ": "
                + e.getMessage()
                + "); keeping "
                + keys.size()
                + " cached key(s), next attempt in "
                + minInterval.toSeconds()
                + " s at the earliest");
      }
    }
  }
}
