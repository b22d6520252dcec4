package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.port.in.IssueSessionCommand;
import dev.portcullis.domain.port.in.IssuedSession;
import dev.portcullis.domain.port.out.RandomSource;
import dev.portcullis.domain.service.SessionAdministrationService;
import dev.portcullis.domain.service.SessionIdentityResolver;
import dev.portcullis.domain.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issuing, resolving and revoking from many threads at once loses no write. */
class DynamoDbConcurrencyIT {

  @RegisterExtension static final LocalDynamoDb SERVER = LocalDynamoDb.chosen();

  private static final int THREADS = 8;
  private static final int SESSIONS_PER_THREAD = 100;

  @Test
  void concurrent_issues_and_revocations_lose_no_write_and_no_revoked_session_resolves()
      throws Exception {
    // Arrange
    MutableClock clock = MutableClock.at("2040-06-01T12:00:00Z");
    DynamoDbSessionStore store =
        new DynamoDbSessionStore(SERVER.client(), SERVER.settings(SERVER.newTable()));
    SessionAdministrationService sessions =
        new SessionAdministrationService("dynamodb", store, RandomSource.secure(), clock);
    SessionIdentityResolver resolver = new SessionIdentityResolver("dynamodb", store, clock);
    ConcurrentLinkedQueue<IssuedSession> live = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<IssuedSession> revoked = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    AtomicInteger operations = new AtomicInteger();

    // Act: each thread issues, resolves, and revokes every other session, then resolves it again.
    runOnThreads(
        thread -> {
          for (int i = 0; i < SESSIONS_PER_THREAD; i++) {
            IssuedSession session =
                sessions.issue(
                    new IssueSessionCommand(
                        "user-" + thread,
                        Set.of("reader"),
                        Map.of("i", Integer.toString(i)),
                        Duration.ofHours(1),
                        Optional.empty()));
            Resolution first = resolver.resolve(credential(session));
            operations.addAndGet(2);
            if (!(first instanceof Resolution.Resolved)) {
              wrong.add("fresh session resolved as " + first.reason());
            }
            if (i % 2 == 0) {
              boolean found = sessions.revoke(session.token());
              Resolution after = resolver.resolve(credential(session));
              operations.addAndGet(2);
              if (!found || !(after instanceof Resolution.Revoked)) {
                wrong.add("revoked session: found=" + found + ", resolved as " + after.reason());
              }
              revoked.add(session);
            } else {
              live.add(session);
            }
          }
        });

    // Assert
    assertThat(operations.get()).isGreaterThanOrEqualTo(2000);
    assertThat(wrong).isEmpty();
    assertThat(live).hasSize(THREADS * SESSIONS_PER_THREAD / 2);
    assertThat(revoked).hasSize(THREADS * SESSIONS_PER_THREAD / 2);
    for (IssuedSession session : live) {
      assertThat(resolver.resolve(credential(session)))
          .isEqualTo(new Resolution.Resolved(session.session().identity()));
    }
    for (IssuedSession session : revoked) {
      assertThat(resolver.resolve(credential(session))).isInstanceOf(Resolution.Revoked.class);
    }
    int listed = 0;
    for (int thread = 0; thread < THREADS; thread++) {
      listed += sessions.list("user-" + thread).size();
    }
    assertThat(listed).isEqualTo(THREADS * SESSIONS_PER_THREAD);
  }

  private static Credential credential(IssuedSession session) {
    return Credential.parse(session.token()).orElseThrow();
  }

  /** A worker given its thread number. */
  private interface Worker {
    void run(int thread) throws Exception;
  }

  private static void runOnThreads(Worker worker) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Void>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  worker.run(thread);
                  return null;
                }));
      }
      start.countDown();
      for (Future<Void> future : futures) {
        future.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
