package dev.portcullis.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Fingerprint;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.port.in.IssueSessionCommand;
import dev.portcullis.domain.port.in.IssuedSession;
import dev.portcullis.domain.port.out.RandomSource;
import dev.portcullis.domain.port.out.SessionStore;
import dev.portcullis.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests issuing, revoking and listing sessions. */
class SessionAdministrationServiceTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final IssueSessionCommand ALICE =
      new IssueSessionCommand(
          "alice",
          Set.of("reader"),
          Map.of("tenant", "acme"),
          Duration.ofHours(8),
          Optional.empty());

  private final MutableClock clock = MutableClock.at(NOW);
  private final FakeStore store = new FakeStore();

  @Test
  void a_token_carries_at_least_256_random_bits_after_its_prefix() {
    // Act
    IssuedSession issued = service(RandomSource.secure()).issue(ALICE);

    // Assert
    assertThat(issued.token()).startsWith("pcs_");
    byte[] random = Base64.getUrlDecoder().decode(issued.token().substring(4));
    assertThat(random.length * 8).isGreaterThanOrEqualTo(256);
  }

  @Test
  void a_token_is_url_safe() {
    for (int i = 0; i < 50; i++) {
      String token = service(RandomSource.secure()).issue(ALICE).token();

      assertThat(token).matches("pcs_[A-Za-z0-9_-]{43}");
    }
  }

  @Test
  void a_token_is_made_of_the_bytes_of_the_random_source() {
    // Arrange
    ScriptedRandom random = new ScriptedRandom((byte) 0xFB);

    // Act
    String token = service(random).issue(ALICE).token();

    // Assert: plain base64 would give "+/v7...+/s=", unsafe in a URL.
    assertThat(token).isEqualTo("pcs_" + "-_v7".repeat(10) + "-_s");
  }

  @Test
  void two_tokens_from_the_secure_source_differ() {
    SessionAdministrationService service = service(RandomSource.secure());

    assertThat(service.issue(ALICE).token()).isNotEqualTo(service.issue(ALICE).token());
  }

  @Test
  void the_store_gets_the_fingerprint_and_never_the_token() {
    // Act
    IssuedSession issued = service(RandomSource.secure()).issue(ALICE);

    // Assert
    assertThat(store.created).hasSize(1);
    Session stored = store.created.get(0);
    assertThat(stored.fingerprint())
        .isEqualTo(Credential.parse(issued.token()).orElseThrow().fingerprint());
    String randomPart = issued.token().substring(4);
    assertThat(stored.toString()).doesNotContain(randomPart);
    assertThat(
            List.of(stored.fingerprint().hex(), stored.principalId(), stored.identity().backend()))
        .noneMatch(field -> field.contains(randomPart));
    assertThat(stored.identity().attributes().values()).noneMatch(v -> v.contains(randomPart));
    assertThat(stored.identity().roles()).noneMatch(r -> r.contains(randomPart));
    assertThat(stored.identity().apiKey()).isEmpty();
  }

  @Test
  void a_session_is_issued_in_whole_seconds() {
    // Arrange
    clock.set(NOW.plusMillis(1750));

    // Act
    Session session = service(RandomSource.secure()).issue(ALICE).session();

    // Assert
    assertThat(session.issuedAt()).isEqualTo(NOW.plusSeconds(1));
    assertThat(session.expiresAt()).isEqualTo(NOW.plusSeconds(1).plus(Duration.ofHours(8)));
  }

  @Test
  void the_session_lives_from_now_for_its_time_to_live_under_the_backend_name() {
    // Act
    Session session = service(RandomSource.secure()).issue(ALICE).session();

    // Assert
    assertThat(session.issuedAt()).isEqualTo(NOW);
    assertThat(session.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(8)));
    assertThat(session.identity().backend()).isEqualTo("memory");
    assertThat(session.identity().roles()).containsExactly("reader");
    assertThat(session.identity().attributes()).containsEntry("tenant", "acme");
    assertThat(session.revokedAt()).isEmpty();
    assertThat(store.created).containsExactly(session);
  }

  @Test
  void the_api_key_of_the_command_is_kept() {
    IssueSessionCommand withKey =
        new IssueSessionCommand(
            "alice", Set.of(), Map.of(), Duration.ofMinutes(1), Optional.of("k1"));

    assertThat(service(RandomSource.secure()).issue(withKey).session().identity().apiKey())
        .contains("k1");
  }

  @Test
  void the_issued_session_hides_the_token_in_its_string_form() {
    IssuedSession issued = service(RandomSource.secure()).issue(ALICE);

    assertThat(issued.toString()).doesNotContain(issued.token()).contains("token=redacted");
  }

  @Test
  void a_fingerprint_collision_is_retried_with_a_new_token() {
    // Arrange: the first token is taken already.
    ScriptedRandom random = new ScriptedRandom((byte) 1, (byte) 2);
    String taken = service(new ScriptedRandom((byte) 1)).issue(ALICE).token();
    store.created.clear();

    // Act
    IssuedSession issued = service(random).issue(ALICE);

    // Assert
    assertThat(issued.token()).isNotEqualTo(taken);
    assertThat(issued.session().fingerprint()).isEqualTo(fingerprint(issued.token()));
    assertThat(store.created).containsExactly(issued.session());
    assertThat(store.attempts).isEqualTo(3);
    assertThat(random.calls).isEqualTo(2);
  }

  @Test
  void issuing_gives_up_after_three_collisions() {
    // Arrange
    ScriptedRandom random = new ScriptedRandom((byte) 7);
    service(random).issue(ALICE);
    SessionAdministrationService service = service(random);

    // Act and assert
    assertThatIllegalStateException()
        .isThrownBy(() -> service.issue(ALICE))
        .withMessageContaining("3 new tokens collided");
    assertThat(random.calls).isEqualTo(1 + 3);
    assertThat(store.sessions).hasSize(1);
  }

  @Test
  void revoking_an_issued_token_revokes_its_session_now() {
    // Arrange
    SessionAdministrationService service = service(RandomSource.secure());
    IssuedSession issued = service.issue(ALICE);
    clock.advance(Duration.ofMinutes(5));

    // Act
    boolean revoked = service.revoke(issued.token());

    // Assert
    assertThat(revoked).isTrue();
    assertThat(store.sessions.get(issued.session().fingerprint()).revokedAt())
        .contains(NOW.plus(Duration.ofMinutes(5)));
  }

  @Test
  void revoking_an_unknown_token_answers_false() {
    assertThat(service(RandomSource.secure()).revoke("pcs_unknown")).isFalse();
  }

  @Test
  void revoking_a_malformed_or_missing_token_answers_false_without_asking_the_store() {
    // Arrange
    SessionAdministrationService service = service(RandomSource.secure());

    // Act and assert
    assertThat(service.revoke("not a token")).isFalse();
    assertThat(service.revoke("")).isFalse();
    assertThat(service.revoke(null)).isFalse();
    assertThat(store.revocations).isZero();
  }

  @Test
  void revoking_all_revokes_the_live_sessions_of_the_principal_now() {
    // Arrange
    SessionAdministrationService service = service(RandomSource.secure());
    Session first = service.issue(ALICE).session();
    Session second = service.issue(ALICE).session();
    Session bob =
        service
            .issue(
                new IssueSessionCommand(
                    "bob", Set.of(), Map.of(), Duration.ofHours(1), Optional.empty()))
            .session();
    clock.advance(Duration.ofMinutes(1));

    // Act
    int count = service.revokeAll("alice");

    // Assert
    assertThat(count).isEqualTo(2);
    Instant at = NOW.plus(Duration.ofMinutes(1));
    assertThat(store.sessions.get(first.fingerprint()).revokedAt()).contains(at);
    assertThat(store.sessions.get(second.fingerprint()).revokedAt()).contains(at);
    assertThat(store.sessions.get(bob.fingerprint()).revokedAt()).isEmpty();
  }

  @Test
  void listing_gives_the_principal_sessions_oldest_first() {
    // Arrange
    SessionAdministrationService service = service(RandomSource.secure());
    clock.set(NOW.plusSeconds(30));
    Session later = service.issue(ALICE).session();
    clock.set(NOW);
    Session earlier = service.issue(ALICE).session();
    clock.set(NOW.plusSeconds(10));
    Session middle = service.issue(ALICE).session();

    // Act
    List<Session> listed = service.list("alice");

    // Assert
    assertThat(listed).containsExactly(earlier, middle, later);
    assertThat(service.list("nobody")).isEmpty();
  }

  private SessionAdministrationService service(RandomSource random) {
    return new SessionAdministrationService("memory", store, random, clock);
  }

  private static Fingerprint fingerprint(String token) {
    return Credential.parse(token).orElseThrow().fingerprint();
  }

  /** Fills each request with the next scripted byte, repeating the last one when out of script. */
  private static final class ScriptedRandom implements RandomSource {

    private final Deque<Byte> script = new ArrayDeque<>();
    private byte last;
    private int calls;

    ScriptedRandom(byte... bytes) {
      for (byte b : bytes) {
        script.add(b);
      }
    }

    @Override
    public void nextBytes(byte[] bytes) {
      calls++;
      if (!script.isEmpty()) {
        last = script.poll();
      }
      Arrays.fill(bytes, last);
    }
  }

  /** A map-backed store that records what it was handed. */
  private static final class FakeStore implements SessionStore {

    private final Map<Fingerprint, Session> sessions = new LinkedHashMap<>();
    private final List<Session> created = new ArrayList<>();
    private int attempts;
    private int revocations;

    @Override
    public boolean create(Session session) {
      attempts++;
      if (sessions.putIfAbsent(session.fingerprint(), session) != null) {
        return false;
      }
      created.add(session);
      return true;
    }

    @Override
    public Optional<Session> find(Fingerprint fingerprint) {
      return Optional.ofNullable(sessions.get(fingerprint));
    }

    @Override
    public boolean revoke(Fingerprint fingerprint, Instant at) {
      revocations++;
      return sessions.computeIfPresent(fingerprint, (f, s) -> s.revokedAt(at)) != null;
    }

    @Override
    public int revokeAll(String principalId, Instant at) {
      int count = 0;
      for (Session s : new HashSet<>(sessions.values())) {
        if (s.principalId().equals(principalId) && s.isLiveAt(at)) {
          sessions.put(s.fingerprint(), s.revokedAt(at));
          count++;
        }
      }
      return count;
    }

    @Override
    public List<Session> listByPrincipal(String principalId) {
      return sessions.values().stream().filter(s -> s.principalId().equals(principalId)).toList();
    }
  }
}
