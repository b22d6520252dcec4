package dev.portcullis.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Fingerprint;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.port.out.SessionStore;
import dev.portcullis.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests the resolver that reads opaque session tokens from a session store. */
class SessionIdentityResolverTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final Credential TOKEN = Credential.parse("pcs_token").orElseThrow();
  private static final Credential JWT =
      Credential.parse("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln").orElseThrow();
  private static final Identity ALICE =
      new Identity("alice", Set.of("reader"), Map.of(), NOW.plus(Duration.ofHours(1)), "memory");

  private final MutableClock clock = MutableClock.at(NOW);
  private final MapStore store = new MapStore();
  private final SessionIdentityResolver resolver =
      new SessionIdentityResolver("memory", store, clock);

  @Test
  void it_is_named_as_configured() {
    assertThat(resolver.name()).isEqualTo("memory");
  }

  @Test
  void it_accepts_opaque_tokens_and_leaves_jwts_to_the_jwt_backend() {
    assertThat(resolver.accepts(TOKEN)).isTrue();
    assertThat(resolver.accepts(JWT)).isFalse();
  }

  @Test
  void a_stored_live_session_resolves_to_its_identity() {
    store.put(new Session(TOKEN.fingerprint(), ALICE, NOW, Optional.empty()));

    assertThat(resolver.resolve(TOKEN)).isEqualTo(new Resolution.Resolved(ALICE));
  }

  @Test
  void an_unknown_token_is_not_found() {
    assertThat(resolver.resolve(TOKEN)).isInstanceOf(Resolution.NotFound.class);
  }

  @Test
  void a_stored_session_is_expired_once_the_clock_reaches_its_expiry() {
    // Arrange
    store.put(new Session(TOKEN.fingerprint(), ALICE, NOW, Optional.empty()));

    // Act
    clock.set(ALICE.expiresAt());

    // Assert
    assertThat(resolver.resolve(TOKEN)).isInstanceOf(Resolution.Expired.class);
  }

  @Test
  void a_revoked_session_is_revoked() {
    store.put(new Session(TOKEN.fingerprint(), ALICE, NOW, Optional.of(NOW)));

    assertThat(resolver.resolve(TOKEN)).isInstanceOf(Resolution.Revoked.class);
  }

  /** A map-backed store of which only find is used here. */
  private static final class MapStore implements SessionStore {

    private final Map<Fingerprint, Session> sessions = new HashMap<>();

    void put(Session session) {
      sessions.put(session.fingerprint(), session);
    }

    @Override
    public boolean create(Session session) {
      return sessions.putIfAbsent(session.fingerprint(), session) == null;
    }

    @Override
    public Optional<Session> find(Fingerprint fingerprint) {
      return Optional.ofNullable(sessions.get(fingerprint));
    }

    @Override
    public boolean revoke(Fingerprint fingerprint, Instant at) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int revokeAll(String principalId, Instant at) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Session> listByPrincipal(String principalId) {
      throw new UnsupportedOperationException();
    }
  }
}
