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
import java.util.concurrent.CompletableFuture;

/**
 * The signing keys of each configured issuer, fetched from that issuer's JWKS URL only.
 *
 * <p>Hand-written rather than nimbus's {@code JWKSourceBuilder}: the rules an authorizer needs are
 * few and exact (keys kept per issuer; a refetch on an unknown key id or after {@code maxAge}, at
 * most once per {@code minInterval} per issuer whatever the traffic; cached keys kept while a
 * refresh fails; "cannot answer" only when no cached key matches), they run on the injected clock,
 * and the builder's retrying and outage-tolerant sources load extra classes that a Lambda instance
 * never needs.
 *
 * <p>A key already held is answered at once, without a lock and without waiting for any fetch: a
 * slow or failing identity provider never holds up tokens signed by keys we have. When those keys
 * are past their maximum age, the refresh runs on a thread of its own. An unknown key id waits for
 * a refresh, since only the JWKS can say whether the key exists; concurrent callers share one
 * fetch, and the fetcher bounds how long it takes. Each issuer has its own state: one slow issuer
 * never delays another's tokens.
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
   * The key with this id in the issuer's JWKS. A key held is returned at once (and refreshed in the
   * background when older than the maximum age); an unknown id waits for a fetch, within the rate
   * limit. Empty means "the issuer does not hold this key", known for certain.
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
      keys.held().keys().all().forEach(TrustedKey::prime);
    }
  }

  /**
   * The refresh of this issuer's JWKS running now, if any: tests wait on it to see what a refresh
   * started in the background did.
   */
  Optional<CompletableFuture<Void>> refreshInFlight(String issuer) {
    return Optional.ofNullable(byIssuer.get(issuer).inFlight());
  }

  /** What is known of one issuer's keys at one moment; replaced whole, never changed. */
  private record Held(KeySet keys, Instant loadedAt, Exception lastFailure) {}

  /** One issuer's keys and the state of its fetches. */
  private final class IssuerKeys {
    private final TrustedIssuer issuer;
    private volatile Held held;
    // Guarded by this: when the last fetch started, and the fetch running now.
    private Instant lastAttempt;
    private CompletableFuture<Void> inFlight;

    IssuerKeys(TrustedIssuer issuer, KeySet keys, Instant loadedAt) {
      this.issuer = issuer;
      this.held = new Held(keys, loadedAt, null);
    }

    Held held() {
      return held;
    }

    synchronized CompletableFuture<Void> inFlight() {
      return inFlight;
    }

    Optional<TrustedKey> find(String kid) {
      Instant now = clock.instant();
      Held current = held;
      Optional<TrustedKey> key = current.keys().byKid(kid);
      if (key.isPresent()) {
        if (stale(current, now)) {
          // Not waited for: the fetch records its own outcome in held, and this key still serves.
          var unused = refresh(now, false);
        }
        return key;
      }
      CompletableFuture<Void> refresh = refresh(now, true);
      if (refresh != null) {
        refresh.join();
        current = held;
        key = current.keys().byKid(kid);
        if (key.isPresent()) {
          return key;
        }
      }
      if (current.lastFailure() != null || current.loadedAt() == null) {
        String summary = JwksFailures.summarize(current.lastFailure(), issuer.jwksUrl());
        throw new BackendUnavailableException(
            "jwt",
            summary,
            "no cached key matches the token and the JWKS of issuer '"
                + issuer.issuer()
                + "' could not be fetched ("
                + summary
                + ")",
            current.lastFailure());
      }
      return Optional.empty();
    }

    private boolean stale(Held current, Instant now) {
      return current.loadedAt() == null
          || (!maxAge.isZero() && !now.isBefore(current.loadedAt().plus(maxAge)));
    }

    /**
     * The fetch to wait for: the one running now, or a new one when the rate limit allows it (run
     * here when {@code inline}, else on a thread of its own); null when there is none.
     */
    private CompletableFuture<Void> refresh(Instant now, boolean inline) {
      CompletableFuture<Void> started;
      synchronized (this) {
        if (inFlight != null) {
          return inFlight;
        }
        if (lastAttempt != null && now.isBefore(lastAttempt.plus(minInterval))) {
          return null;
        }
        lastAttempt = now;
        inFlight = started = new CompletableFuture<>();
      }
      if (inline) {
        fetch(now, started);
      } else {
        Thread background = new Thread(() -> fetch(now, started), "portcullis-jwks-refresh");
        background.setDaemon(true);
        background.start();
      }
      return started;
    }

    private void fetch(Instant attempt, CompletableFuture<Void> done) {
      URI url = issuer.jwksUrl();
      try {
        KeySet fetched = KeySet.parse(fetcher.fetch(url));
        held = new Held(fetched, attempt, null);
      } catch (IOException | ParseException | RuntimeException e) {
        Held current = held;
        held = new Held(current.keys(), current.loadedAt(), e);
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
                + current.keys().size()
                + " cached key(s), next attempt in "
                + minInterval.toSeconds()
                + " s at the earliest");
      } finally {
        synchronized (this) {
          inFlight = null;
        }
        done.complete(null);
      }
    }
  }
}
