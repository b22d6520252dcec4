package dev.portcullis.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Fingerprint;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SessionStore} must show; each implementation's test extends it.
 *
 * <p>Every test calls {@link #newStore()} once and works only on principals and fingerprints it
 * made up itself (random UUIDs), so a store shared between tests, such as one table on a local
 * server, gives the same results as a fresh one. Instants are kept to the millisecond and must come
 * back exactly as they were stored.
 */
public abstract class SessionStoreContract {

  /** Where the contract's clock starts: a whole millisecond, in the future for years to come. */
  protected static final Instant START = Instant.parse("2040-06-01T12:00:00.250Z");

  /** The contract's clock; stores that need one may use it, the tests move it. */
  protected final MutableClock clock = MutableClock.at(START);

  private SessionStore store;
  private String testRun;

  /** A store for one test: fresh, or shared and left to the unique ids of each test. */
  protected abstract SessionStore newStore();

  /** How many operations each concurrency test runs; lower it for a slow store. */
  protected int concurrentOperations() {
    return 400;
  }

  /** How many threads each concurrency test runs. */
  protected int concurrentThreads() {
    return 8;
  }

  @BeforeEach
  void createStore() {
    store = newStore();
    testRun = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void a_created_session_is_found_with_every_field_intact() {
    // Arrange
    Session session =
        session(principal("alice"), START, Duration.ofHours(8), Optional.of("usage-key-1"));

    // Act
    boolean created = store.create(session);

    // Assert
    assertThat(created).isTrue();
    assertThat(store.find(session.fingerprint())).contains(session);
  }

  @Test
  void a_session_without_roles_attributes_or_api_key_round_trips() {
    // Arrange
    Identity bare =
        new Identity(principal("bare"), Set.of(), Map.of(), START.plusSeconds(60), "contract");
    Session session = new Session(newFingerprint(), bare, START, Optional.empty());

    // Act
    store.create(session);

    // Assert
    assertThat(store.find(session.fingerprint())).contains(session);
  }

  @Test
  void an_unknown_fingerprint_is_not_found() {
    assertThat(store.find(newFingerprint())).isEmpty();
  }

  @Test
  void a_found_session_is_live_until_just_before_expires_at_and_expired_exactly_at_it() {
    // Arrange
    Session session = session(principal("bob"), START, Duration.ofMinutes(30), Optional.empty());
    store.create(session);
    Session found = store.find(session.fingerprint()).orElseThrow();

    // Act
    clock.set(session.expiresAt().minusMillis(1));
    Resolution justBefore = found.resolveAt(clock.instant());
    clock.set(session.expiresAt());
    Resolution exactly = found.resolveAt(clock.instant());

    // Assert
    assertThat(justBefore).isEqualTo(new Resolution.Resolved(session.identity()));
    assertThat(exactly).isInstanceOf(Resolution.Expired.class);
  }

  @Test
  void an_expired_session_that_is_still_stored_is_still_returned() {
    // Arrange
    Session session = session(principal("carol"), START, Duration.ofMinutes(5), Optional.empty());
    store.create(session);

    // Act
    clock.advance(Duration.ofDays(3));
    Optional<Session> found = store.find(session.fingerprint());

    // Assert
    assertThat(found).contains(session);
    assertThat(found.orElseThrow().resolveAt(clock.instant()))
        .isInstanceOf(Resolution.Expired.class);
  }

  @Test
  void revoking_marks_the_session_revoked_from_that_instant() {
    // Arrange
    Session session = session(principal("dave"), START, Duration.ofHours(1), Optional.empty());
    store.create(session);
    Instant revokedAt = START.plusSeconds(10);

    // Act
    boolean revoked = store.revoke(session.fingerprint(), revokedAt);

    // Assert
    assertThat(revoked).isTrue();
    Session found = store.find(session.fingerprint()).orElseThrow();
    assertThat(found.revokedAt()).contains(revokedAt);
    assertThat(found.identity()).isEqualTo(session.identity());
    assertThat(found.issuedAt()).isEqualTo(session.issuedAt());
    assertThat(found.resolveAt(revokedAt)).isInstanceOf(Resolution.Revoked.class);
  }

  @Test
  void revoking_twice_keeps_the_first_instant_and_still_answers_true() {
    // Arrange
    Session session = session(principal("erin"), START, Duration.ofHours(1), Optional.empty());
    store.create(session);
    Instant first = START.plusSeconds(10);
    Instant second = START.plusSeconds(20);
    store.revoke(session.fingerprint(), first);

    // Act
    boolean again = store.revoke(session.fingerprint(), second);

    // Assert
    assertThat(again).isTrue();
    assertThat(store.find(session.fingerprint()).orElseThrow().revokedAt()).contains(first);
  }

  @Test
  void revoking_an_unknown_fingerprint_answers_false_and_creates_nothing() {
    // Arrange
    Fingerprint unknown = newFingerprint();

    // Act
    boolean revoked = store.revoke(unknown, START);

    // Assert
    assertThat(revoked).isFalse();
    assertThat(store.find(unknown)).isEmpty();
  }

  @Test
  void revoking_all_revokes_only_the_live_sessions_of_that_principal() {
    // Arrange
    String frank = principal("frank");
    String grace = principal("grace");
    Instant at = START.plus(Duration.ofHours(2));
    Instant earlier = START.plus(Duration.ofHours(1));
    Session live1 = session(frank, START, Duration.ofHours(8), Optional.empty());
    Session live2 = session(frank, START, Duration.ofHours(9), Optional.of("k"));
    Session expired = session(frank, START, Duration.ofMinutes(90), Optional.empty());
    Session alreadyRevoked = session(frank, START, Duration.ofHours(8), Optional.empty());
    Session otherPrincipal = session(grace, START, Duration.ofHours(8), Optional.empty());
    List.of(live1, live2, expired, alreadyRevoked, otherPrincipal).forEach(store::create);
    store.revoke(alreadyRevoked.fingerprint(), earlier);

    // Act
    int count = store.revokeAll(frank, at);

    // Assert
    assertThat(count).isEqualTo(2);
    assertThat(revokedAt(live1)).contains(at);
    assertThat(revokedAt(live2)).contains(at);
    assertThat(revokedAt(expired)).isEmpty();
    assertThat(revokedAt(alreadyRevoked)).contains(earlier);
    assertThat(store.find(otherPrincipal.fingerprint())).contains(otherPrincipal);
  }

  @Test
  void revoking_all_brings_forward_a_revocation_set_for_a_later_instant_and_counts_it() {
    // Arrange: a session still live at the revoke-all instant, though revoked from later on.
    String kim = principal("kim");
    Session session = session(kim, START, Duration.ofHours(8), Optional.empty());
    store.create(session);
    store.revoke(session.fingerprint(), START.plus(Duration.ofHours(3)));
    Instant at = START.plus(Duration.ofHours(1));

    // Act
    int count = store.revokeAll(kim, at);

    // Assert
    assertThat(count).isEqualTo(1);
    assertThat(revokedAt(session)).contains(at);
  }

  @Test
  void revoking_all_of_a_principal_without_sessions_revokes_nothing() {
    assertThat(store.revokeAll(principal("nobody"), START)).isZero();
  }

  @Test
  void revoking_all_twice_revokes_nothing_the_second_time() {
    // Arrange
    String heidi = principal("heidi");
    Session session = session(heidi, START, Duration.ofHours(8), Optional.empty());
    store.create(session);
    store.revokeAll(heidi, START.plusSeconds(1));

    // Act
    int second = store.revokeAll(heidi, START.plusSeconds(2));

    // Assert
    assertThat(second).isZero();
    assertThat(revokedAt(session)).contains(START.plusSeconds(1));
  }

  @Test
  void listing_by_principal_returns_every_session_of_that_principal_whatever_its_state() {
    // Arrange
    String ivan = principal("ivan");
    Session live = session(ivan, START, Duration.ofHours(8), Optional.empty());
    Session expired = session(ivan, START, Duration.ofSeconds(1), Optional.empty());
    Session revoked = session(ivan, START, Duration.ofHours(8), Optional.empty());
    Session someoneElse = session(principal("judy"), START, Duration.ofHours(8), Optional.empty());
    List.of(live, expired, revoked, someoneElse).forEach(store::create);
    store.revoke(revoked.fingerprint(), START.plusMillis(1));
    clock.advance(Duration.ofMinutes(1));

    // Act
    List<Session> listed = store.listByPrincipal(ivan);

    // Assert
    assertThat(listed)
        .containsExactlyInAnyOrder(live, expired, revoked.revokedAt(START.plusMillis(1)));
  }

  @Test
  void listing_a_principal_without_sessions_returns_an_empty_list() {
    assertThat(store.listByPrincipal(principal("nobody"))).isEmpty();
  }

  @Test
  void creating_a_second_session_with_a_taken_fingerprint_fails_and_keeps_the_first() {
    // Arrange
    Session first = session(principal("mallory"), START, Duration.ofHours(1), Optional.empty());
    store.create(first);
    Session intruder =
        new Session(
            first.fingerprint(),
            new Identity(
                principal("intruder"),
                Set.of("admin"),
                Map.of(),
                START.plus(Duration.ofDays(365)),
                "contract"),
            START,
            Optional.empty());

    // Act
    boolean created = store.create(intruder);

    // Assert
    assertThat(created).isFalse();
    assertThat(store.find(first.fingerprint())).contains(first);
    assertThat(store.listByPrincipal(intruder.principalId())).isEmpty();
  }

  @Test
  void creating_over_a_revoked_session_fails_and_leaves_it_revoked() {
    // Arrange
    Session first = session(principal("oscar"), START, Duration.ofHours(1), Optional.empty());
    store.create(first);
    store.revoke(first.fingerprint(), START.plusSeconds(5));

    // Act
    boolean created = store.create(first);

    // Assert
    assertThat(created).isFalse();
    assertThat(revokedAt(first)).contains(START.plusSeconds(5));
  }

  @Test
  void concurrent_creates_and_revokes_lose_no_write() throws Exception {
    // Arrange: every third session is revoked right after it is created, each at its own instant.
    int count = concurrentOperations();
    List<String> principals = List.of(principal("p0"), principal("p1"), principal("p2"));
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sessions.add(
          session(principals.get(i % 3), START, Duration.ofHours(1 + i % 5), Optional.empty()));
    }
    AtomicInteger next = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    // Act
    runConcurrently(
        () -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            Session session = sessions.get(i);
            if (!store.create(session)) {
              failures.add("create " + i + " answered false");
            }
            if (i % 3 == 0 && !store.revoke(session.fingerprint(), revocationInstant(i))) {
              failures.add("revoke " + i + " answered false");
            }
          }
          return null;
        });

    // Assert
    assertThat(failures).isEmpty();
    for (int i = 0; i < count; i++) {
      Session expected =
          i % 3 == 0 ? sessions.get(i).revokedAt(revocationInstant(i)) : sessions.get(i);
      assertThat(store.find(expected.fingerprint())).as("session %d", i).contains(expected);
    }
    Set<Session> listed = new HashSet<>();
    principals.forEach(p -> listed.addAll(store.listByPrincipal(p)));
    assertThat(listed).hasSize(count);
  }

  @Test
  void concurrent_creates_of_one_fingerprint_let_exactly_one_win() throws Exception {
    // Arrange: each thread tries to create its own session on the same fingerprints.
    int threads = concurrentThreads();
    int fingerprints = Math.max(1, concurrentOperations() / threads);
    List<Fingerprint> contested = new ArrayList<>();
    for (int i = 0; i < fingerprints; i++) {
      contested.add(newFingerprint());
    }
    List<String> contenders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      contenders.add(principal("contender" + t));
    }
    AtomicInteger nextThread = new AtomicInteger();
    ConcurrentLinkedQueue<Session> winners = new ConcurrentLinkedQueue<>();

    // Act
    runConcurrently(
        () -> {
          String contender = contenders.get(nextThread.getAndIncrement());
          for (Fingerprint fingerprint : contested) {
            Session attempt =
                new Session(fingerprint, identity(contender), START, Optional.empty());
            if (store.create(attempt)) {
              winners.add(attempt);
            }
          }
          return null;
        });

    // Assert
    assertThat(winners).hasSize(fingerprints);
    for (Session winner : winners) {
      assertThat(store.find(winner.fingerprint())).contains(winner);
    }
  }

  @Test
  void concurrent_revocations_keep_every_session_revoked_at_a_single_instant() throws Exception {
    // Arrange: every thread revokes every session at its own instant; one also revokes them all.
    int threads = concurrentThreads();
    int count = Math.max(1, concurrentOperations() / threads);
    String victim = principal("victim");
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Session session = session(victim, START, Duration.ofHours(8), Optional.empty());
      store.create(session);
      sessions.add(session);
    }
    Instant revokeAllAt = START.plus(Duration.ofHours(1));
    AtomicInteger nextThread = new AtomicInteger();
    AtomicInteger revokedByRevokeAll = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    // Act
    runConcurrently(
        () -> {
          int thread = nextThread.getAndIncrement();
          if (thread == 0) {
            revokedByRevokeAll.set(store.revokeAll(victim, revokeAllAt));
            return null;
          }
          for (Session session : sessions) {
            if (!store.revoke(session.fingerprint(), START.plusSeconds(thread))) {
              failures.add("revoke by thread " + thread + " answered false");
            }
          }
          return null;
        });

    // Assert
    assertThat(failures).isEmpty();
    Set<Instant> candidates = new HashSet<>();
    candidates.add(revokeAllAt);
    for (int t = 1; t < threads; t++) {
      candidates.add(START.plusSeconds(t));
    }
    int revokedAtRevokeAllInstant = 0;
    for (Session session : sessions) {
      Optional<Instant> revokedAt = revokedAt(session);
      assertThat(revokedAt).isPresent();
      assertThat(candidates).contains(revokedAt.orElseThrow());
      if (revokedAt.orElseThrow().equals(revokeAllAt)) {
        revokedAtRevokeAllInstant++;
      }
    }
    assertThat(revokedByRevokeAll.get()).isEqualTo(revokedAtRevokeAllInstant);
    // Once revoked, a session never comes back: a last round changes nothing.
    for (Session session : sessions) {
      Instant before = revokedAt(session).orElseThrow();
      store.revoke(session.fingerprint(), START.plus(Duration.ofHours(3)));
      assertThat(revokedAt(session)).contains(before);
    }
    assertThat(store.revokeAll(victim, START.plus(Duration.ofHours(4)))).isZero();
  }

  /** A principal id unique to this test run, so that tests sharing a store never meet. */
  protected final String principal(String name) {
    return "contract-" + testRun + "-" + name;
  }

  /** A fingerprint no other test uses. */
  protected static Fingerprint newFingerprint() {
    return Credential.parse("contract-" + UUID.randomUUID()).orElseThrow().fingerprint();
  }

  /** A fresh, unrevoked session of {@code principalId} with a new fingerprint. */
  protected static Session session(
      String principalId, Instant issuedAt, Duration ttl, Optional<String> apiKey) {
    Identity identity =
        new Identity(
            principalId,
            Set.of("reader", "writer"),
            Map.of("tenant", "acme", "plan", "gold"),
            issuedAt.plus(ttl),
            "contract",
            apiKey);
    return new Session(newFingerprint(), identity, issuedAt, Optional.empty());
  }

  private static Identity identity(String principalId) {
    return new Identity(
        principalId, Set.of("reader"), Map.of(), START.plus(Duration.ofHours(1)), "contract");
  }

  private Optional<Instant> revokedAt(Session session) {
    return store.find(session.fingerprint()).orElseThrow().revokedAt();
  }

  private static Instant revocationInstant(int i) {
    return START.plusMillis(1 + i);
  }

  private void runConcurrently(Callable<Void> worker) throws Exception {
    int threads = concurrentThreads();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Void>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return worker.call();
                }));
      }
      start.countDown();
      for (Future<Void> future : futures) {
        future.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
