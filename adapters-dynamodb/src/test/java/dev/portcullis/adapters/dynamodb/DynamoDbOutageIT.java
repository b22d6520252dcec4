package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Fingerprint;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.port.in.IssueSessionCommand;
import dev.portcullis.domain.port.in.IssuedSession;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import dev.portcullis.domain.port.out.RandomSource;
import dev.portcullis.domain.service.SessionAdministrationService;
import dev.portcullis.domain.service.SessionIdentityResolver;
import dev.portcullis.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The server goes away in the middle of a run: every call fails as unavailable within the
 * configured budget, nothing resolves, and the very same store and client recover afterwards.
 */
class DynamoDbOutageIT {

  @RegisterExtension static final LocalDynamoDb SERVER = LocalDynamoDb.controllable();

  /** A correctness bound on the failure path, not a performance target. */
  private static final Duration SLACK = Duration.ofSeconds(2);

  private final MutableClock clock = MutableClock.at("2040-06-01T12:00:00Z");
  private DynamoDbSettings settings;
  private DynamoDbClient client;
  private DynamoDbSessionStore store;
  private SessionIdentityResolver resolver;
  private IssuedSession issued;

  @BeforeEach
  void issueOneSessionWhileTheServerIsUp() {
    settings = SERVER.settings(SERVER.newTable());
    client = SERVER.newClient(settings);
    store = new DynamoDbSessionStore(client, settings);
    resolver = new SessionIdentityResolver("dynamodb", store, clock);
    issued =
        new SessionAdministrationService("dynamodb", store, RandomSource.secure(), clock)
            .issue(
                new IssueSessionCommand(
                    "alice", Set.of("reader"), Map.of(), Duration.ofHours(1), Optional.empty()));
    assertThat(resolver.resolve(credential(issued))).isInstanceOf(Resolution.Resolved.class);
  }

  @AfterEach
  void bringTheServerBack() {
    SERVER.thaw();
    SERVER.restart();
    client.close();
  }

  @Test
  void
      while_the_server_is_stopped_every_call_fails_fast_and_the_same_store_recovers_after_restart() {
    // Act
    SERVER.stop();
    Map<String, Duration> failures = failEveryOperation();

    // Assert
    report("stopped (connection refused)", failures);
    failures.values().forEach(elapsed -> assertThat(elapsed).isLessThan(budget()));

    // Act: the server comes back on the same port, with its data.
    SERVER.restart();

    // Assert
    assertTheSameStoreRecovers();
  }

  @Test
  void while_the_server_hangs_every_call_times_out_within_the_budget_and_the_store_recovers() {
    // Act
    SERVER.freeze();
    Map<String, Duration> failures = failEveryOperation();

    // Assert: the timeouts fired (a refusal would be faster), and within the budget.
    report("frozen (accepts, never answers)", failures);
    failures
        .values()
        .forEach(
            elapsed ->
                assertThat(elapsed)
                    .isGreaterThanOrEqualTo(settings.apiCallAttemptTimeout())
                    .isLessThan(budget()));

    // Act
    SERVER.thaw();

    // Assert
    assertTheSameStoreRecovers();
  }

  /** Runs each operation against the unavailable server; each must throw, none may answer. */
  private Map<String, Duration> failEveryOperation() {
    Fingerprint unknown = Credential.parse("pcs_" + UUID.randomUUID()).orElseThrow().fingerprint();
    Session fresh =
        new Session(
            unknown,
            new Identity(
                "bob", Set.of(), Map.of(), Instant.parse("2040-06-02T00:00:00Z"), "dynamodb"),
            clock.instant(),
            Optional.empty());
    Map<String, Duration> elapsed = new LinkedHashMap<>();
    elapsed.put("resolve", timeFailure(() -> resolver.resolve(credential(issued))));
    elapsed.put("find", timeFailure(() -> store.find(credential(issued).fingerprint())));
    elapsed.put("create", timeFailure(() -> store.create(fresh)));
    elapsed.put("revoke", timeFailure(() -> store.revoke(unknown, clock.instant())));
    elapsed.put("revokeAll", timeFailure(() -> store.revokeAll("nobody", clock.instant())));
    elapsed.put("listByPrincipal", timeFailure(() -> store.listByPrincipal("alice")));
    return elapsed;
  }

  private static Duration timeFailure(Runnable call) {
    long start = System.nanoTime();
    assertThatThrownBy(call::run)
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageStartingWith("backend 'dynamodb' cannot answer: ");
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private void assertTheSameStoreRecovers() {
    assertThat(resolver.resolve(credential(issued)))
        .isEqualTo(new Resolution.Resolved(issued.session().identity()));
    Session another =
        new Session(
            Credential.parse("pcs_" + UUID.randomUUID()).orElseThrow().fingerprint(),
            issued.session().identity(),
            clock.instant(),
            Optional.empty());
    assertThat(store.create(another)).isTrue();
    assertThat(store.find(another.fingerprint())).contains(another);
  }

  private Duration budget() {
    return settings.apiCallTimeout().plus(SLACK);
  }

  private void report(String state, Map<String, Duration> failures) {
    StringBuilder line = new StringBuilder("[outage] server " + state + "; failed after:");
    failures.forEach(
        (op, d) -> line.append(' ').append(op).append('=').append(d.toMillis()).append("ms"));
    line.append(" (apiCallTimeout=")
        .append(settings.apiCallTimeout().toMillis())
        .append("ms, attempt=")
        .append(settings.apiCallAttemptTimeout().toMillis())
        .append("ms, maxAttempts=")
        .append(settings.maxAttempts())
        .append(')');
    System.out.println(line);
  }

  private static Credential credential(IssuedSession issued) {
    return Credential.parse(issued.token()).orElseThrow();
  }
}
