package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import dev.portcullis.domain.port.out.SessionStore;
import dev.portcullis.domain.port.out.SessionStoreContract;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The SessionStore contract on the Lambda read path ({@link DynamoDbSessionStore#create}: reads by
 * {@link DynamoDbSessionReader}, writes by the SDK client), and what only that reader can get
 * wrong, on a real server.
 */
class DynamoDbSessionReaderIT extends SessionStoreContract {

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
  void the_store_for_lambda_reads_without_the_sdk_client_when_the_endpoint_is_known() {
    assertThat(store(SERVER.settings(table)).readsWithoutSdk()).isTrue();
  }

  @Test
  void a_session_written_by_the_sdk_store_reads_back_equal_through_the_reader() {
    // Arrange
    Session session =
        session(principal("sdk-written"), START, Duration.ofHours(1), Optional.empty());
    new DynamoDbSessionStore(SERVER.client(), SERVER.settings(table)).create(session);

    // Act
    Optional<Session> read = newStore().find(session.fingerprint());

    // Assert
    assertThat(read).contains(session);
  }

  @Test
  void an_eventually_consistent_reader_reads_the_same_sessions() {
    // Arrange
    DynamoDbSessionStore store = store(SERVER.settings(table).withConsistentRead(false));
    Session session = session(principal("eventual"), START, Duration.ofHours(1), Optional.empty());

    // Act
    store.create(session);

    // Assert: a single local server is always consistent; this checks the request is valid.
    assertThat(store.find(session.fingerprint())).contains(session);
  }

  @Test
  void null_and_unknown_attributes_are_read_as_absent_and_skipped() {
    // Arrange
    Session session = session(principal("extra"), START, Duration.ofHours(1), Optional.empty());
    Map<String, AttributeValue> row = new HashMap<>(SessionItem.from(session).toAttributes());
    row.put("revokedAt", AttributeValue.fromNul(true));
    row.put("note", AttributeValue.fromM(Map.of("by", AttributeValue.fromL(List.of()))));
    row.put("flag", AttributeValue.fromBool(true));
    SERVER.client().putItem(r -> r.tableName(table).item(row));

    // Act
    Optional<Session> read = newStore().find(session.fingerprint());

    // Assert
    assertThat(read).contains(session);
  }

  @Test
  void a_row_of_the_wrong_type_makes_find_fail_instead_of_answering_not_found() {
    // Arrange: a row some other tool wrote, with its roles as a string.
    Session session = session(principal("mistyped"), START, Duration.ofHours(1), Optional.empty());
    writeRow(session, "1", "2", AttributeValue.fromS("not a list"));

    // Act and assert
    assertThatThrownBy(() -> newStore().find(session.fingerprint()))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("malformed session item")
        .hasMessageContaining("'roles' must be a list of strings, got type S");
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

  @Test
  void a_missing_table_is_an_error_that_names_it_never_a_missing_session() {
    // Arrange
    DynamoDbSessionStore store = store(SERVER.settings("portcullis-no-such-table"));
    Session session = session(principal("nowhere"), START, Duration.ofHours(1), Optional.empty());

    // Act and assert
    assertThatThrownBy(() -> store.find(session.fingerprint()))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessage(
            "backend 'dynamodb' cannot answer: table 'portcullis-no-such-table' does not exist in"
                + " region 'eu-west-1': create it with `portcullis table create` or the SAM"
                + " template");
  }

  @Test
  void a_get_whose_response_was_lost_is_retried_and_answers() throws Exception {
    // Arrange
    Session session = session(principal("lost"), START, Duration.ofHours(1), Optional.empty());
    newStore().create(session);
    try (ResponseDroppingProxy proxy = new ResponseDroppingProxy(SERVER.endpoint())) {
      DynamoDbSessionStore store =
          store(SERVER.settings(table).withEndpointOverride(proxy.endpoint()));

      // Act
      Optional<Session> read = store.find(session.fingerprint());

      // Assert
      assertThat(proxy.connections()).as("connections: the lost one and the retry").isEqualTo(2);
      assertThat(read).contains(session);
    }
  }

  @Test
  void with_one_attempt_a_lost_response_fails_and_http_url_connection_does_not_retry_it()
      throws Exception {
    // Arrange
    Session session = session(principal("once"), START, Duration.ofHours(1), Optional.empty());
    newStore().create(session);
    try (ResponseDroppingProxy proxy = new ResponseDroppingProxy(SERVER.endpoint())) {
      DynamoDbSessionStore store =
          store(SERVER.settings(table).withEndpointOverride(proxy.endpoint()).withMaxAttempts(1));

      // Act and assert
      assertThatThrownBy(() -> store.find(session.fingerprint()))
          .isInstanceOf(BackendUnavailableException.class)
          .hasMessageContaining("could not reach DynamoDB");
      assertThat(proxy.connections()).isEqualTo(1);
    }
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
    return DynamoDbSessionStore.create(settings, LocalDynamoDb.testCredentials(), Map.of());
  }
}
