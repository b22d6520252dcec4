package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reader retries what the SDK's standard strategy retries (throttling, server errors) within
 * {@code maxAttempts}, gives up on any other refusal at once, and reports each with the SDK store's
 * message; the answers that a local server cannot be made to give come from {@link ScriptedFront}.
 */
class ReaderRetryIT {

  @RegisterExtension static final LocalDynamoDb SERVER = LocalDynamoDb.chosen();

  private static String table;
  private static Session session;

  @BeforeAll
  static void storeOneSession() {
    table = SERVER.newTable();
    Instant issued = Instant.parse("2040-06-01T12:00:00Z");
    session =
        new Session(
            Credential.parse("pcs_" + UUID.randomUUID()).orElseThrow().fingerprint(),
            new Identity(
                "retry-" + UUID.randomUUID(),
                Set.of("reader"),
                Map.of(),
                issued.plusSeconds(3600),
                "dynamodb"),
            issued,
            Optional.empty());
    new DynamoDbSessionStore(SERVER.client(), SERVER.settings(table)).create(session);
  }

  @Test
  void a_throttled_read_is_retried_and_answers() throws Exception {
    try (ScriptedFront front =
        new ScriptedFront(
            SERVER.endpoint(),
            List.of(new ScriptedFront.Failure(400, "ProvisionedThroughputExceededException")))) {
      assertThat(reader(front, 2).find(session.fingerprint())).contains(session);
      assertThat(front.requests()).isEqualTo(2);
    }
  }

  @Test
  void a_server_error_is_retried_and_answers() throws Exception {
    try (ScriptedFront front =
        new ScriptedFront(
            SERVER.endpoint(), List.of(new ScriptedFront.Failure(500, "InternalServerError")))) {
      assertThat(reader(front, 2).find(session.fingerprint())).contains(session);
      assertThat(front.requests()).isEqualTo(2);
    }
  }

  @Test
  void throttling_on_every_attempt_fails_as_throttled_after_max_attempts() throws Exception {
    ScriptedFront.Failure throttled = new ScriptedFront.Failure(400, "ThrottlingException");
    try (ScriptedFront front =
        new ScriptedFront(SERVER.endpoint(), List.of(throttled, throttled, throttled))) {
      assertThatThrownBy(() -> reader(front, 3).find(session.fingerprint()))
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
      assertThatThrownBy(() -> reader(front, 2).find(session.fingerprint()))
          .isInstanceOf(BackendUnavailableException.class)
          .hasMessageContaining("failed with a server error 503 (ServiceUnavailable)");
    }
  }

  @Test
  void a_refusal_is_not_retried_and_fails_with_the_servers_reason() throws Exception {
    try (ScriptedFront front =
        new ScriptedFront(
            SERVER.endpoint(), List.of(new ScriptedFront.Failure(400, "AccessDeniedException")))) {
      assertThatThrownBy(() -> reader(front, 3).find(session.fingerprint()))
          .isInstanceOf(BackendUnavailableException.class)
          .hasMessageContaining(
              "was refused with 400 (AccessDeniedException): scripted AccessDeniedException");
      assertThat(front.requests()).isEqualTo(1);
    }
  }

  private static DynamoDbSessionStore reader(ScriptedFront front, int maxAttempts) {
    DynamoDbSettings settings =
        SERVER.settings(table).withEndpointOverride(front.endpoint()).withMaxAttempts(maxAttempts);
    return DynamoDbSessionStore.create(settings, LocalDynamoDb.testCredentials(), Map.of());
  }
}
