package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import dev.portcullis.domain.port.out.SessionStore;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Creating the table, and what a store says when nobody did. */
class SessionTableAdminIT {

  @RegisterExtension static final LocalDynamoDb SERVER = LocalDynamoDb.chosen();

  @Test
  void create_table_makes_the_key_the_principal_index_and_reports_ttl() {
    // Arrange
    String table = "sessions-" + UUID.randomUUID();

    // Act
    SessionTableAdmin.TableSetup setup =
        new SessionTableAdmin(SERVER.client(), SERVER.settings(table)).createTable();

    // Assert
    TableDescription description = SERVER.client().describeTable(r -> r.tableName(table)).table();
    assertThat(setup.created()).isTrue();
    assertThat(setup.summary())
        .startsWith("created table '" + table + "'")
        .contains("TTL on expiresAt: ");
    assertThat(description.keySchema())
        .singleElement()
        .satisfies(
            key -> {
              assertThat(key.attributeName()).isEqualTo(SessionTable.PARTITION_KEY);
              assertThat(key.keyType()).isEqualTo(KeyType.HASH);
            });
    assertThat(description.attributeDefinitions())
        .extracting(a -> a.attributeName() + ":" + a.attributeType())
        .containsExactlyInAnyOrder("pk:S", "principalId:S", "expiresAt:N");
    assertThat(description.globalSecondaryIndexes())
        .singleElement()
        .satisfies(
            index -> {
              assertThat(index.indexName()).isEqualTo(SessionTable.BY_PRINCIPAL_INDEX);
              assertThat(index.keySchema())
                  .extracting(k -> k.attributeName() + ":" + k.keyType())
                  .containsExactly("principalId:HASH", "expiresAt:RANGE");
              assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
            });
  }

  @Test
  void the_probe_finds_a_missing_table_a_problem_and_a_table_it_made_usable() {
    // Arrange
    String table = "sessions-" + UUID.randomUUID();
    SessionTableAdmin admin = new SessionTableAdmin(SERVER.client(), SERVER.settings(table));

    // Act
    SessionTableAdmin.Probe missing = admin.probe();
    admin.createTable();
    SessionTableAdmin.Probe made = admin.probe();

    // Assert
    assertThat(missing.problems())
        .singleElement()
        .asString()
        .contains("table '" + table + "' does not exist");
    assertThat(made.problems()).isEmpty();
    assertThat(made.warnings()).allSatisfy(w -> assertThat(w).contains("TTL").contains(table));
  }

  @Test
  void the_probe_finds_a_table_of_another_shape_a_problem() {
    // Arrange
    String table = "other-" + UUID.randomUUID();
    SERVER
        .client()
        .createTable(
            r ->
                r.tableName(table)
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));

    // Act
    SessionTableAdmin.Probe probe =
        new SessionTableAdmin(SERVER.client(), SERVER.settings(table)).probe();

    // Assert
    assertThat(probe.problems())
        .anySatisfy(p -> assertThat(p).contains("has the key [id]"))
        .anySatisfy(p -> assertThat(p).contains("has no index 'byPrincipal'"));
  }

  @Test
  void a_server_without_time_to_live_support_is_tolerated_and_said_so() {
    // Arrange
    String table = "sessions-" + UUID.randomUUID();

    // Act
    SessionTableAdmin.TableSetup setup =
        new SessionTableAdmin(SERVER.client(), SERVER.settings(table)).createTable();

    // Assert: dynalite has no UpdateTimeToLive; DynamoDB and DynamoDB Local have.
    if (setup.ttlEnabled()) {
      assertThat(setup.summary()).endsWith("TTL on expiresAt: enabled");
    } else {
      assertThat(setup.summary())
          .contains("TTL on expiresAt: not supported by this server (UnknownOperationException)");
    }
  }

  @Test
  void creating_the_table_again_leaves_it_as_it_is_and_says_it_existed() {
    // Arrange
    String table = SERVER.newTable();

    // Act
    SessionTableAdmin.TableSetup again =
        new SessionTableAdmin(SERVER.client(), SERVER.settings(table)).createTable();

    // Assert
    assertThat(again.created()).isFalse();
    assertThat(again.summary()).startsWith("table '" + table + "' already existed");
  }

  @Test
  void a_table_of_another_shape_is_refused_rather_than_used() {
    // Arrange
    String table = "other-" + UUID.randomUUID();
    SERVER
        .client()
        .createTable(
            r ->
                r.tableName(table)
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));

    // Act and assert
    assertThatThrownBy(
            () -> new SessionTableAdmin(SERVER.client(), SERVER.settings(table)).createTable())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not a Portcullis session table");
  }

  @Test
  void every_operation_on_a_missing_table_fails_naming_the_table_and_the_region() {
    // Arrange
    String table = "missing-" + UUID.randomUUID();
    SessionStore store = new DynamoDbSessionStore(SERVER.client(), SERVER.settings(table));
    var fingerprint = Credential.parse("pcs_nothing").orElseThrow().fingerprint();
    String expected =
        "backend 'dynamodb' cannot answer: table '"
            + table
            + "' does not exist in region 'eu-west-1': create it with `portcullis table create`"
            + " or the SAM template";

    // Act and assert
    assertThatThrownBy(() -> store.find(fingerprint))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessage(expected);
    assertThatThrownBy(() -> store.revoke(fingerprint, Instant.now())).hasMessage(expected);
    assertThatThrownBy(() -> store.listByPrincipal("alice")).hasMessage(expected);
    assertThatThrownBy(() -> store.revokeAll("alice", Instant.now())).hasMessage(expected);
  }
}
