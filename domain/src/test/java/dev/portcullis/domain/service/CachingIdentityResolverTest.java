package dev.portcullis.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import dev.portcullis.domain.port.out.IdentityResolver;
import dev.portcullis.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CachingIdentityResolverTest {

  private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
  private static final Duration TTL = Duration.ofSeconds(30);
  private static final Duration NOT_FOUND_TTL = Duration.ofSeconds(5);

  private final MutableClock clock = MutableClock.at(START);
  private final ScriptedResolver backend = new ScriptedResolver();
  private final CachingIdentityResolver cache =
      new CachingIdentityResolver(backend, clock, TTL, NOT_FOUND_TTL, 3);

  @Test
  void a_resolved_identity_is_served_from_the_cache_until_the_ttl_runs_out() {
    backend.answers(() -> resolved(START.plus(Duration.ofHours(1))));

    Resolution first = cache.resolve(token("a"));
    clock.advance(TTL.minusSeconds(1));
    Resolution second = cache.resolve(token("a"));
    clock.advance(Duration.ofSeconds(1));
    cache.resolve(token("a"));

    assertThat(first).isInstanceOf(Resolution.Resolved.class);
    assertThat(second).isEqualTo(first);
    assertThat(backend.calls).isEqualTo(2);
    assertThat(cache.statistics().hits()).isEqualTo(1);
    assertThat(cache.statistics().misses()).isEqualTo(2);
  }

  @Test
  void not_found_is_cached_for_the_shorter_window_only() {
    backend.answers(Resolution.NotFound::new);

    cache.resolve(token("a"));
    clock.advance(NOT_FOUND_TTL.minusSeconds(1));
    cache.resolve(token("a"));
    clock.advance(Duration.ofSeconds(1));
    cache.resolve(token("a"));

    assertThat(backend.calls).isEqualTo(2);
  }

  @Test
  void a_failure_is_never_cached() {
    backend.answers(
        () -> {
          throw new BackendUnavailableException("dynamodb", "down", null);
        });
    backend.answers(() -> resolved(START.plus(Duration.ofHours(1))));

    assertThatThrownBy(() -> cache.resolve(token("a")))
        .isInstanceOf(BackendUnavailableException.class);
    Resolution after = cache.resolve(token("a"));

    assertThat(after).isInstanceOf(Resolution.Resolved.class);
    assertThat(backend.calls).isEqualTo(2);
  }

  @Test
  void an_entry_ends_when_its_identity_expires() {
    backend.answers(() -> resolved(START.plusSeconds(10)));

    cache.resolve(token("a"));
    clock.advance(Duration.ofSeconds(9));
    cache.resolve(token("a"));
    clock.advance(Duration.ofSeconds(1));
    cache.resolve(token("a"));

    assertThat(backend.calls).as("one miss, one hit, then a miss at the expiry").isEqualTo(2);
  }

  @Test
  void the_cache_holds_at_most_max_entries_and_evicts_the_least_recently_used() {
    backend.answers(() -> resolved(START.plus(Duration.ofHours(1))));

    cache.resolve(token("a"));
    cache.resolve(token("b"));
    cache.resolve(token("c"));
    cache.resolve(token("a"));
    cache.resolve(token("d"));
    int before = backend.calls;
    cache.resolve(token("a"));
    cache.resolve(token("b"));

    assertThat(before).isEqualTo(4);
    assertThat(backend.calls).as("a stayed, b was evicted").isEqualTo(5);
  }

  @Test
  void revoked_answers_are_cached_like_found_ones() {
    backend.answers(Resolution.Revoked::new);

    cache.resolve(token("a"));
    clock.advance(NOT_FOUND_TTL.plusSeconds(1));
    Resolution later = cache.resolve(token("a"));

    assertThat(later).isInstanceOf(Resolution.Revoked.class);
    assertThat(backend.calls).isEqualTo(1);
  }

  @Test
  void a_not_found_window_longer_than_the_ttl_is_refused() {
    assertThatThrownBy(() -> new CachingIdentityResolver(backend, clock, NOT_FOUND_TTL, TTL, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Credential token(String suffix) {
    return Credential.parse("pcs_token_" + suffix).orElseThrow();
  }

  private static Resolution resolved(Instant expiresAt) {
    return new Resolution.Resolved(
        new Identity("alice", Set.of("reader"), Map.of(), expiresAt, "dynamodb"));
  }

  /** A backend that answers from a script, repeating its last answer, and counts its calls. */
  private static final class ScriptedResolver implements IdentityResolver {
    private final Deque<Supplier<Resolution>> script = new ArrayDeque<>();
    private int calls;

    void answers(Supplier<Resolution> answer) {
      script.addLast(answer);
    }

    @Override
    public String name() {
      return "dynamodb";
    }

    @Override
    public boolean accepts(Credential credential) {
      return true;
    }

    @Override
    public Resolution resolve(Credential credential) {
      calls++;
      Supplier<Resolution> next = script.size() > 1 ? script.removeFirst() : script.getFirst();
      return next.get();
    }
  }
}
