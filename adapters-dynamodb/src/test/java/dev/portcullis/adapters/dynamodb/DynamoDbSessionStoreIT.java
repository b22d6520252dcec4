package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.model.Fingerprint;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import dev.portcullis.domain.port.out.SessionStore;
import dev.portcullis.domain.port.out.SessionStoreContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The SessionStore contract, and what only a DynamoDB store can get wrong, on a real server. */
class DynamoDbSessionStoreIT extends SessionStoreContract {

  @RegisterExtension static final LocalDynamoDb SERVER = LocalDynamoDb.chosen();

  private static String table;

  @BeforeAll
  static void createTable() {
    table = SERVER.newTable();
  }

  @Override
  protected SessionStore newStore() {
    return store(SERVER.settings(table));
  }

  @Test
  void a_create_retried_after_its_first_attempt_committed_answers_true_and_leaves_one_item() {
    // Arrange
    SessionStore store = newStore();
    Session session = session(principal("retry"), START, Duration.ofHours(1), Optional.empty());
    store.create(session);

    // Act
    boolean retried = store.create(session);

    // Assert
    assertThat(retried).isTrue();
    assertThat(store.listByPrincipal(session.principalId())).containsExactly(session);
  }

  @Test
  void a_put_whose_response_was_lost_is_retried_by_the_sdk_and_still_counts_as_created()
      throws Exception {
    // Arrange: the first PutItem reaches the table, then its response is lost on the way back.
    try (ResponseDroppingProxy proxy = new ResponseDroppingProxy(SERVER.endpoint());
        DynamoDbClient client =
            SERVER.newClient(
                TestSettings.from(SERVER.settings(table))
                    .endpointOverride(proxy.endpoint())
                    .build())) {
      SessionStore store = new DynamoDbSessionStore(client, SERVER.settings(table));
      Session session = session(principal("lost"), START, Duration.ofHours(1), Optional.empty());

      // Act
      boolean created = store.create(session);

      // Assert
      assertThat(proxy.connections()).as("connections: the lost one and the retry").isEqualTo(2);
      assertThat(created).isTrue();
      assertThat(newStore().listByPrincipal(session.principalId())).containsExactly(session);
    }
  }

  @Test
  void a_get_whose_response_was_lost_is_retried_by_the_sdk_and_answers() throws Exception {
    // Arrange
    Session session = session(principal("lost-get"), START, Duration.ofHours(1), Optional.empty());
    newStore().create(session);
    try (ResponseDroppingProxy proxy = new ResponseDroppingProxy(SERVER.endpoint());
        DynamoDbClient client =
            SERVER.newClient(
                TestSettings.from(SERVER.settings(table))
                    .endpointOverride(proxy.endpoint())
                    .build())) {
      SessionStore store = new DynamoDbSessionStore(client, SERVER.settings(table));

      // Act
      Optional<Session> read = store.find(session.fingerprint());

      // Assert
      assertThat(proxy.connections()).as("connections: the lost one and the retry").isEqualTo(2);
      assertThat(read).contains(session);
    }
  }

  @Test
  void with_one_attempt_a_lost_response_fails_as_unreachable_and_is_not_sent_again()
      throws Exception {
    // Arrange
    Session session = session(principal("once"), START, Duration.ofHours(1), Optional.empty());
    newStore().create(session);
    DynamoDbSettings oneAttempt = TestSettings.from(SERVER.settings(table)).maxAttempts(1).build();
    try (ResponseDroppingProxy proxy = new ResponseDroppingProxy(SERVER.endpoint());
        DynamoDbClient client =
            SERVER.newClient(
                TestSettings.from(oneAttempt).endpointOverride(proxy.endpoint()).build())) {
      SessionStore store = new DynamoDbSessionStore(client, oneAttempt);

      // Act and assert
      assertThatThrownBy(() -> store.find(session.fingerprint()))
          .isInstanceOf(BackendUnavailableException.class)
          .hasMessageContaining("could not reach DynamoDB");
      assertThat(proxy.connections()).isEqualTo(1);
    }
  }

  @Test
  void listing_and_revoking_all_follow_every_page_of_the_index() {
    // Arrange: pages of 3 items, 10 sessions.
    try (DynamoDbClient client = SERVER.newClientWithQueryPagesOf(3)) {
      SessionStore store = new DynamoDbSessionStore(client, SERVER.settings(table));
      String principal = principal("paged");
      List<Session> sessions = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        Session session = session(principal, START, Duration.ofHours(1 + i), Optional.empty());
        store.create(session);
        sessions.add(session);
      }

      // Act
      List<Session> listed = store.listByPrincipal(principal);
      int revoked = store.revokeAll(principal, START.plusSeconds(1));

      // Assert
      assertThat(listed).containsExactlyInAnyOrderElementsOf(sessions);
      assertThat(revoked).isEqualTo(10);
    }
  }

  @Test
  void an_eventually_consistent_store_reads_the_same_sessions() {
    // Arrange
    SessionStore store =
        store(TestSettings.from(SERVER.settings(table)).consistentRead(false).build());
    Session session = session(principal("eventual"), START, Duration.ofHours(1), Optional.empty());

    // Act
    store.create(session);

    // Assert: a single local server is always consistent; this checks the request is valid.
    assertThat(store.find(session.fingerprint())).contains(session);
  }

  @Test
  void a_row_of_the_wrong_type_makes_find_fail_instead_of_answering_not_found() {
    // Arrange: a row some other tool wrote, with its roles as a string.
    Session session = session(principal("mistyped"), START, Duration.ofHours(1), Optional.empty());
    writeRow(session, "1", "2", AttributeValue.fromS("not a list"));

    // Act and assert
    assertThatThrownBy(() -> newStore().find(session.fingerprint()))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessage(
            "backend 'dynamodb' cannot answer: GetItem on table '"
                + table
                + "' read a malformed session item: attribute 'roles' must be a list of strings,"
                + " got type S");
  }

  @Test
  void a_row_of_the_wrong_type_makes_listing_fail_instead_of_leaving_it_out() {
    // Arrange
    Session session = session(principal("mislisted"), START, Duration.ofHours(1), Optional.empty());
    writeRow(session, "1", "2", AttributeValue.fromS("not a list"));

    // Act and assert
    assertThatThrownBy(() -> newStore().listByPrincipal(session.principalId()))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("Query on table '" + table + "' read a malformed session item");
  }

  @Test
  void a_row_under_another_fingerprint_than_the_one_asked_for_fails_instead_of_answering()
      throws Exception {
    // Arrange: a front that turns every read into a read of another, stored session, as only a
    // broken table or something between the store and the table could.
    Session stored = session(principal("stored"), START, Duration.ofHours(1), Optional.empty());
    newStore().create(stored);
    Fingerprint asked = newFingerprint();
    try (ScriptedFront front =
            new ScriptedFront(
                SERVER.endpoint(),
                List.of(),
                body -> body.replace(asked.hex(), stored.fingerprint().hex()));
        DynamoDbClient client =
            SERVER.newClient(
                TestSettings.from(SERVER.settings(table))
                    .endpointOverride(front.endpoint())
                    .build())) {
      SessionStore store = new DynamoDbSessionStore(client, SERVER.settings(table));

      // Act and assert
      assertThatThrownBy(() -> store.find(asked))
          .isInstanceOf(BackendUnavailableException.class)
          .hasMessage(
              "backend 'dynamodb' cannot answer: GetItem on table '"
                  + table
                  + "' read a malformed session item: attribute 'pk' is not the fingerprint"
                  + " asked for");
      assertThat(front.requests()).isEqualTo(1);
    }
  }

  @Test
  void a_row_that_expires_before_it_was_issued_makes_find_fail_too() {
    // Arrange
    Session session = session(principal("backwards"), START, Duration.ofHours(1), Optional.empty());
    writeRow(session, "2", "1", AttributeValue.fromL(List.of()));

    // Act and assert
    assertThatThrownBy(() -> newStore().find(session.fingerprint()))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("malformed session item: expiresAt must be after issuedAt");
  }

  private static void writeRow(
      Session session, String issuedAt, String expiresAt, AttributeValue roles) {
    SERVER
        .client()
        .putItem(
            r ->
                r.tableName(table)
                    .item(
                        Map.of(
                            "pk", AttributeValue.fromS(session.fingerprint().hex()),
                            "principalId", AttributeValue.fromS(session.principalId()),
                            "issuedAt", AttributeValue.fromN(issuedAt),
                            "expiresAt", AttributeValue.fromN(expiresAt),
                            "roles", roles)));
  }

  private static DynamoDbSessionStore store(DynamoDbSettings settings) {
    return new DynamoDbSessionStore(SERVER.client(), settings);
  }
}
