package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Mapping between domain sessions and table rows through the static schema, with no server. */
class SessionItemTest {

  private static final Instant ISSUED = Instant.parse("2040-06-01T12:00:00.250Z");

  @Test
  void a_session_maps_to_a_row_and_back_unchanged() {
    Session session =
        session("alice", Optional.of("usage-key"), Optional.of(ISSUED.plusSeconds(5)));

    Session back = read(rowOf(session)).toSession("unused");

    assertThat(back).isEqualTo(session);
  }

  @Test
  void the_row_uses_the_contract_names_and_types() {
    Session session = session("alice", Optional.of("usage-key"), Optional.empty());

    Map<String, AttributeValue> row = rowOf(session);

    assertThat(row)
        .containsOnly(
            Map.entry("pk", AttributeValue.fromS(session.fingerprint().hex())),
            Map.entry("principalId", AttributeValue.fromS("alice")),
            Map.entry(
                "roles",
                AttributeValue.fromL(
                    List.of(AttributeValue.fromS("admin"), AttributeValue.fromS("reader")))),
            Map.entry(
                "attributes", AttributeValue.fromM(Map.of("tenant", AttributeValue.fromS("acme")))),
            Map.entry("apiKey", AttributeValue.fromS("usage-key")),
            Map.entry("backend", AttributeValue.fromS("dynamodb")),
            Map.entry("issuedAt", AttributeValue.fromN("2222164800.25")),
            Map.entry("expiresAt", AttributeValue.fromN("2222193600.25")));
  }

  @Test
  void absent_api_key_and_revocation_leave_no_attribute_behind() {
    Map<String, AttributeValue> row = rowOf(session("alice", Optional.empty(), Optional.empty()));

    assertThat(row).doesNotContainKeys("apiKey", "revokedAt");
  }

  @Test
  void a_revocation_writes_the_key_and_the_instant_and_nothing_else() {
    Map<String, AttributeValue> row =
        SessionItem.SCHEMA.itemToMap(
            SessionItem.revocation("ab".repeat(32), Instant.parse("2040-06-01T12:00:01Z")), true);

    assertThat(row)
        .containsOnly(
            Map.entry("pk", AttributeValue.fromS("ab".repeat(32))),
            Map.entry("revokedAt", AttributeValue.fromN("2222164801")));
  }

  @Test
  void a_row_without_backend_roles_or_attributes_reads_with_defaults() {
    Map<String, AttributeValue> row =
        mutableRowOf(session("bob", Optional.empty(), Optional.empty()));
    row.remove("backend");
    row.remove("roles");
    row.remove("attributes");

    Session read = read(row).toSession("dynamodb");

    assertThat(read.identity().backend()).isEqualTo("dynamodb");
    assertThat(read.identity().roles()).isEmpty();
    assertThat(read.identity().attributes()).isEmpty();
  }

  @Test
  void a_row_without_expiry_is_malformed_and_says_which_attribute_is_missing() {
    Map<String, AttributeValue> row =
        mutableRowOf(session("bob", Optional.empty(), Optional.empty()));
    row.remove("expiresAt");
    SessionItem item = read(row);

    assertThatThrownBy(() -> item.toSession("dynamodb"))
        .isInstanceOf(MalformedItemException.class)
        .hasMessage("attribute 'expiresAt' is missing");
  }

  @Test
  void a_row_the_domain_refuses_is_malformed_too() {
    Map<String, AttributeValue> row =
        mutableRowOf(session("bob", Optional.empty(), Optional.empty()));
    row.put("pk", AttributeValue.fromS("not-a-fingerprint"));
    SessionItem item = read(row);

    assertThatThrownBy(() -> item.toSession("dynamodb"))
        .isInstanceOf(MalformedItemException.class)
        .hasMessageContaining("fingerprint");
  }

  @Test
  void null_attributes_read_as_absent() {
    Map<String, AttributeValue> row =
        mutableRowOf(session("bob", Optional.of("usage-key"), Optional.empty()));
    row.put("apiKey", AttributeValue.fromNul(true));
    row.put("revokedAt", AttributeValue.fromNul(true));
    row.put("roles", AttributeValue.fromNul(true));

    Session read = read(row).toSession("dynamodb");

    assertThat(read.identity().apiKey()).isEmpty();
    assertThat(read.revokedAt()).isEmpty();
    assertThat(read.identity().roles()).isEmpty();
  }

  @Test
  void attributes_the_schema_does_not_know_are_skipped() {
    Session session = session("bob", Optional.empty(), Optional.empty());
    Map<String, AttributeValue> row = mutableRowOf(session);
    row.put("note", AttributeValue.fromM(Map.of("by", AttributeValue.fromL(List.of()))));
    row.put("flag", AttributeValue.fromBool(true));

    assertThat(read(row).toSession("unused")).isEqualTo(session);
  }

  @Test
  void roles_stored_as_a_string_are_refused_with_the_attribute_named() {
    Map<String, AttributeValue> row =
        mutableRowOf(session("bob", Optional.empty(), Optional.empty()));
    row.put("roles", AttributeValue.fromS("admin"));

    assertThatThrownBy(() -> read(row))
        .isInstanceOf(MalformedItemException.class)
        .hasMessage("attribute 'roles' must be a list of strings, got type S");
  }

  @Test
  void roles_stored_as_a_string_set_are_refused() {
    Map<String, AttributeValue> row =
        mutableRowOf(session("bob", Optional.empty(), Optional.empty()));
    row.put("roles", AttributeValue.fromSs(List.of("admin")));

    assertThatThrownBy(() -> read(row))
        .isInstanceOf(MalformedItemException.class)
        .hasMessage("attribute 'roles' must be a list of strings, got type SS");
  }

  @Test
  void a_role_that_is_a_number_is_refused() {
    Map<String, AttributeValue> row =
        mutableRowOf(session("bob", Optional.empty(), Optional.empty()));
    row.put("roles", AttributeValue.fromL(List.of(AttributeValue.fromN("1"))));

    assertThatThrownBy(() -> read(row))
        .isInstanceOf(MalformedItemException.class)
        .hasMessage("attribute 'roles' must be a list of strings, and holds a value of type N");
  }

  @Test
  void an_attribute_value_that_is_not_a_string_is_refused() {
    Map<String, AttributeValue> row =
        mutableRowOf(session("bob", Optional.empty(), Optional.empty()));
    row.put("attributes", AttributeValue.fromM(Map.of("tenant", AttributeValue.fromN("1"))));

    assertThatThrownBy(() -> read(row))
        .isInstanceOf(MalformedItemException.class)
        .hasMessageContaining("'attributes' must be a map of strings");
  }

  @Test
  void a_principal_stored_as_a_number_is_refused_rather_than_read_as_its_text() {
    Map<String, AttributeValue> row =
        mutableRowOf(session("bob", Optional.empty(), Optional.empty()));
    row.put("principalId", AttributeValue.fromN("42"));

    assertThatThrownBy(() -> read(row))
        .isInstanceOf(MalformedItemException.class)
        .hasMessage("attribute 'principalId' must be a string, got type N");
  }

  @Test
  void an_expiry_stored_as_a_string_is_refused_with_the_attribute_named() {
    Map<String, AttributeValue> row =
        mutableRowOf(session("bob", Optional.empty(), Optional.empty()));
    row.put("expiresAt", AttributeValue.fromS("1893456000"));

    assertThatThrownBy(() -> read(row))
        .isInstanceOf(MalformedItemException.class)
        .hasMessage("attribute 'expiresAt' must be a number of epoch seconds, got type S");
  }

  /** The row as the store's PutItem writes it: null attributes left out. */
  private static Map<String, AttributeValue> rowOf(Session session) {
    return SessionItem.SCHEMA.itemToMap(SessionItem.from(session), true);
  }

  private static Map<String, AttributeValue> mutableRowOf(Session session) {
    return new HashMap<>(rowOf(session));
  }

  private static SessionItem read(Map<String, AttributeValue> row) {
    return SessionItem.SCHEMA.mapToItem(row);
  }

  private static Session session(
      String principal, Optional<String> apiKey, Optional<Instant> revokedAt) {
    Identity identity =
        new Identity(
            principal,
            Set.of("reader", "admin"),
            Map.of("tenant", "acme"),
            ISSUED.plus(Duration.ofHours(8)),
            "dynamodb",
            apiKey);
    return new Session(
        Credential.parse("pcs_unit-test-" + principal).orElseThrow().fingerprint(),
        identity,
        ISSUED,
        revokedAt);
  }
}
