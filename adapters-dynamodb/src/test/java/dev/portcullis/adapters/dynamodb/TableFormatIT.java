package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromNul;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Fingerprint;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Session;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table format is a contract across releases: rows written in it with the low-level client,
 * attribute by attribute as the table's documentation gives them, read back as the sessions they
 * hold, and what the store writes has exactly those attributes and types.
 */
class TableFormatIT {

  @RegisterExtension static final LocalDynamoDb SERVER = LocalDynamoDb.chosen();

  private static final Instant ISSUED = Instant.parse("2040-06-01T12:00:00.250Z");
  private static final Instant EXPIRES = Instant.parse("2040-06-01T20:00:00Z");
  private static final Instant REVOKED = Instant.parse("2040-06-01T12:00:01Z");

  private static String table;

  private final Fingerprint fingerprint =
      Credential.parse("pcs_" + UUID.randomUUID()).orElseThrow().fingerprint();
  private final String principal = "format-" + UUID.randomUUID();

  @BeforeAll
  static void createTable() {
    table = SERVER.newTable();
  }

  @Test
  void a_row_with_every_attribute_reads_as_the_session_it_holds() {
    // Arrange
    putRaw(
        Map.of(
            "pk", fromS(fingerprint.hex()),
            "principalId", fromS(principal),
            "roles", fromL(List.of(fromS("admin"), fromS("reader"))),
            "attributes", fromM(Map.of("tenant", fromS("acme"), "plan", fromS("gold"))),
            "apiKey", fromS("usage-key"),
            "backend", fromS("dynamodb"),
            "issuedAt", fromN("2222164800.25"),
            "expiresAt", fromN("2222193600"),
            "revokedAt", fromN("2222164801")));
    Session expected =
        new Session(
            fingerprint,
            new Identity(
                principal,
                Set.of("admin", "reader"),
                Map.of("tenant", "acme", "plan", "gold"),
                EXPIRES,
                "dynamodb",
                Optional.of("usage-key")),
            ISSUED,
            Optional.of(REVOKED));

    // Act
    Optional<Session> found = store().find(fingerprint);
    List<Session> listed = store().listByPrincipal(principal);

    // Assert
    assertThat(found).contains(expected);
    assertThat(listed).containsExactly(expected);
  }

  @Test
  void a_row_without_roles_attributes_backend_or_api_key_reads_with_their_defaults() {
    // Arrange
    putRaw(
        Map.of(
            "pk", fromS(fingerprint.hex()),
            "principalId", fromS(principal),
            "issuedAt", fromN("2222164800.25"),
            "expiresAt", fromN("2222193600")));

    // Act
    Session found = store().find(fingerprint).orElseThrow();

    // Assert
    assertThat(found)
        .isEqualTo(
            new Session(
                fingerprint,
                new Identity(principal, Set.of(), Map.of(), EXPIRES, DynamoDbSessionStore.BACKEND),
                ISSUED,
                Optional.empty()));
  }

  @Test
  void null_attributes_read_as_absent_and_attributes_of_other_tools_are_ignored() {
    // Arrange
    Map<String, AttributeValue> row = new HashMap<>();
    row.put("pk", fromS(fingerprint.hex()));
    row.put("principalId", fromS(principal));
    row.put("roles", fromL(List.of(fromS("reader"))));
    row.put("attributes", fromNul(true));
    row.put("apiKey", fromNul(true));
    row.put("backend", fromS("dynamodb"));
    row.put("issuedAt", fromN("2222164800.25"));
    row.put("expiresAt", fromN("2222193600"));
    row.put("revokedAt", fromNul(true));
    row.put("note", fromM(Map.of("by", fromL(List.of(AttributeValue.fromBool(true))))));
    row.put("size", fromN("3"));
    putRaw(row);

    // Act
    Session found = store().find(fingerprint).orElseThrow();

    // Assert
    assertThat(found)
        .isEqualTo(
            new Session(
                fingerprint,
                new Identity(principal, Set.of("reader"), Map.of(), EXPIRES, "dynamodb"),
                ISSUED,
                Optional.empty()));
  }

  @Test
  void a_created_session_is_stored_with_exactly_the_documented_attributes_and_types() {
    // Arrange
    Session session =
        new Session(
            fingerprint,
            new Identity(
                principal,
                Set.of("reader", "admin"),
                Map.of("tenant", "acme"),
                EXPIRES,
                "dynamodb",
                Optional.of("usage-key")),
            ISSUED,
            Optional.empty());

    // Act
    store().create(session);

    // Assert
    assertThat(getRaw())
        .isEqualTo(
            Map.of(
                "pk", fromS(fingerprint.hex()),
                "principalId", fromS(principal),
                "roles", fromL(List.of(fromS("admin"), fromS("reader"))),
                "attributes", fromM(Map.of("tenant", fromS("acme"))),
                "apiKey", fromS("usage-key"),
                "backend", fromS("dynamodb"),
                "issuedAt", fromN("2222164800.25"),
                "expiresAt", fromN("2222193600")));
  }

  @Test
  void a_session_without_roles_or_attributes_is_stored_with_an_empty_list_and_map() {
    // Arrange
    Session session =
        new Session(
            fingerprint,
            new Identity(principal, Set.of(), Map.of(), EXPIRES, "dynamodb"),
            ISSUED,
            Optional.empty());

    // Act
    store().create(session);

    // Assert
    assertThat(getRaw())
        .isEqualTo(
            Map.of(
                "pk", fromS(fingerprint.hex()),
                "principalId", fromS(principal),
                "roles", fromL(List.of()),
                "attributes", fromM(Map.of()),
                "backend", fromS("dynamodb"),
                "issuedAt", fromN("2222164800.25"),
                "expiresAt", fromN("2222193600")));
  }

  @Test
  void revoking_adds_revoked_at_as_a_number_and_leaves_every_other_attribute_as_written() {
    // Arrange
    Map<String, AttributeValue> written =
        Map.of(
            "pk", fromS(fingerprint.hex()),
            "principalId", fromS(principal),
            "roles", fromL(List.of(fromS("reader"))),
            "attributes", fromM(Map.of("tenant", fromS("acme"))),
            "backend", fromS("dynamodb"),
            "issuedAt", fromN("2222164800.25"),
            "expiresAt", fromN("2222193600"),
            "note", fromS("kept by other tools"));
    putRaw(written);

    // Act
    boolean revoked = store().revoke(fingerprint, REVOKED);

    // Assert
    Map<String, AttributeValue> expected = new HashMap<>(written);
    expected.put("revokedAt", fromN("2222164801"));
    assertThat(revoked).isTrue();
    assertThat(getRaw()).isEqualTo(expected);
  }

  @Test
  void revoking_all_writes_revoked_at_in_the_same_format_and_nothing_else() {
    // Arrange
    Map<String, AttributeValue> written =
        Map.of(
            "pk", fromS(fingerprint.hex()),
            "principalId", fromS(principal),
            "roles", fromL(List.of()),
            "attributes", fromM(Map.of()),
            "backend", fromS("dynamodb"),
            "issuedAt", fromN("2222164800.25"),
            "expiresAt", fromN("2222193600"));
    putRaw(written);

    // Act
    int revoked = store().revokeAll(principal, REVOKED);

    // Assert
    Map<String, AttributeValue> expected = new HashMap<>(written);
    expected.put("revokedAt", fromN("2222164801"));
    assertThat(revoked).isEqualTo(1);
    assertThat(getRaw()).isEqualTo(expected);
  }

  private static DynamoDbSessionStore store() {
    return new DynamoDbSessionStore(SERVER.client(), SERVER.settings(table));
  }

  private static void putRaw(Map<String, AttributeValue> row) {
    SERVER.client().putItem(r -> r.tableName(table).item(row));
  }

  private Map<String, AttributeValue> getRaw() {
    return SERVER
        .client()
        .getItem(
            r ->
                r.tableName(table).consistentRead(true).key(Map.of("pk", fromS(fingerprint.hex()))))
        .item();
  }
}
