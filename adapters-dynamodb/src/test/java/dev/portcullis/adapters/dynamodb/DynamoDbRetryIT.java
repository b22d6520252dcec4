package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The store's calls are retried as its client is configured: throttling and server errors within
 * {@code maxAttempts}, any other refusal not at all, each failure reported with its cause. The
 * answers that a local server cannot be made to give come from {@link ScriptedFront}.
 */
class DynamoDbRetryIT {

  @RegisterExtension static final LocalDynamoDb SERVER = LocalDynamoDb.chosen();

  private static String table;
  private static Session session;

  private final List<DynamoDbClient> clients = new ArrayList<>();

  @BeforeAll
  static void storeOneSession() {
    table = SERVER.newTable();
    session = newSession();
    new DynamoDbSessionStore(SERVER.client(), SERVER.settings(table)).create(session);
  }

  @Test
  void a_throttled_read_is_retried_and_answers() throws Exception {
    try (ScriptedFront front =
        new ScriptedFront(
            SERVER.endpoint(),
            List.of(new ScriptedFront.Failure(400, "ProvisionedThroughputExceededException")))) {
      assertThat(store(front, 2).find(session.fingerprint())).contains(session);
      assertThat(front.requests()).isEqualTo(2);
    }
  }

  @Test
  void a_server_error_is_retried_and_answers() throws Exception {
    try (ScriptedFront front =
        new ScriptedFront(
            SERVER.endpoint(), List.of(new ScriptedFront.Failure(500, "InternalServerError")))) {
      assertThat(store(front, 2).find(session.fingerprint())).contains(session);
      assertThat(front.requests()).isEqualTo(2);
    }
  }

  @Test
  void throttling_on_every_attempt_fails_as_throttled_after_max_attempts() throws Exception {
    ScriptedFront.Failure throttled = new ScriptedFront.Failure(400, "ThrottlingException");
    try (ScriptedFront front =
        new ScriptedFront(SERVER.endpoint(), List.of(throttled, throttled, throttled))) {
      assertThatThrownBy(() -> store(front, 3).find(session.fingerprint()))
          .isInstanceOf(BackendUnavailableException.class)
          .hasMessageEndingWith("was throttled (ThrottlingException)");
      assertThat(front.requests()).isEqualTo(3);
    }
  }

  @Test
  void a_server_error_on_every_attempt_gives_its_status_and_code() throws Exception {
    ScriptedFront.Failure unavailable = new ScriptedFront.Failure(503, "ServiceUnavailable");
    try (ScriptedFront front =
        new ScriptedFront(SERVER.endpoint(), List.of(unavailable, unavailable))) {
      assertThatThrownBy(() -> store(front, 2).find(session.fingerprint()))
          .isInstanceOf(BackendUnavailableException.class)
          .hasMessageContaining("failed with a server error 503 (ServiceUnavailable)");
    }
  }

  @Test
  void a_refusal_is_not_retried_and_fails_with_the_servers_reason() throws Exception {
    try (ScriptedFront front =
        new ScriptedFront(
            SERVER.endpoint(), List.of(new ScriptedFront.Failure(400, "AccessDeniedException")))) {
      assertThatThrownBy(() -> store(front, 3).find(session.fingerprint()))
          .isInstanceOf(BackendUnavailableException.class)
          .hasMessageContaining(
              "was refused with 400 (AccessDeniedException): scripted AccessDeniedException");
      assertThat(front.requests()).isEqualTo(1);
    }
  }

  @Test
  void a_throttled_write_is_retried_and_stores_the_session() throws Exception {
    Session fresh = newSession();
    try (ScriptedFront front =
        new ScriptedFront(
            SERVER.endpoint(), List.of(new ScriptedFront.Failure(400, "ThrottlingException")))) {
      assertThat(store(front, 2).create(fresh)).isTrue();
      assertThat(front.requests()).isEqualTo(2);
    }
    assertThat(
            new DynamoDbSessionStore(SERVER.client(), SERVER.settings(table))
                .find(fresh.fingerprint()))
        .contains(fresh);
  }

  @AfterEach
  void closeClients() {
    clients.forEach(DynamoDbClient::close);
  }

  private static Session newSession() {
    Instant issued = Instant.parse("2040-06-01T12:00:00Z");
    return new Session(
        Credential.parse("pcs_" + UUID.randomUUID()).orElseThrow().fingerprint(),
        new Identity(
            "retry-" + UUID.randomUUID(),
            Set.of("reader"),
            Map.of(),
            issued.plusSeconds(3600),
            "dynamodb"),
        issued,
        Optional.empty());
  }

  /** A store with its own client, sending through {@code front}. */
  private DynamoDbSessionStore store(ScriptedFront front, int maxAttempts) {
    DynamoDbSettings settings =
        TestSettings.from(SERVER.settings(table))
            .endpointOverride(front.endpoint())
            .maxAttempts(maxAttempts)
            .build();
    DynamoDbClient client = SERVER.newClient(settings);
    clients.add(client);
    return new DynamoDbSessionStore(client, settings);
  }
}
