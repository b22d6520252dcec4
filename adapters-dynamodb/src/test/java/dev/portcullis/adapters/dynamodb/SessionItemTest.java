package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Mapping between domain sessions and table rows, by hand. */
class SessionItemTest {

  private static final Instant ISSUED = Instant.parse("2040-06-01T12:00:00.250Z");

  @Test
  void a_session_maps_to_a_row_and_back_unchanged() {
    Session session =
        session("alice", Optional.of("usage-key"), Optional.of(ISSUED.plusSeconds(5)));

    Session back = SessionItem.from(session).toSession("unused");

    assertThat(back).isEqualTo(session);
  }

  @Test
  void the_row_uses_the_contract_names_and_numbers_for_instants() {
    Session session = session("alice", Optional.of("usage-key"), Optional.empty());

    Map<String, AttributeValue> row = SessionItem.from(session).toAttributes();

    assertThat(row)
        .containsOnlyKeys(
            "pk",
            "principalId",
            "roles",
            "attributes",
            "apiKey",
            "backend",
            "issuedAt",
            "expiresAt");
    assertThat(row.get("pk").s()).isEqualTo(session.fingerprint().hex());
    assertThat(row.get("roles").l())
        .extracting(AttributeValue::s)
        .containsExactly("admin", "reader");
    assertThat(row.get("attributes").m()).containsEntry("tenant", AttributeValue.fromS("acme"));
    assertThat(row.get("issuedAt").n()).isEqualTo("2222164800.25");
    assertThat(row.get("expiresAt").n()).isEqualTo("2222193600.25");
  }

  @Test
  void absent_api_key_and_revocation_leave_no_attribute_behind() {
    Map<String, AttributeValue> row =
        SessionItem.from(session("alice", Optional.empty(), Optional.empty())).toAttributes();

    assertThat(row).doesNotContainKeys("apiKey", "revokedAt");
  }

  @Test
  void a_row_without_backend_roles_or_attributes_reads_with_defaults() {
    Map<String, AttributeValue> row =
        new HashMap<>(rowOf(session("bob", Optional.empty(), Optional.empty())));
    row.remove("backend");
    row.remove("roles");
    row.remove("attributes");

    Session read = SessionItem.fromAttributes(row).toSession("dynamodb");

    assertThat(read.identity().backend()).isEqualTo("dynamodb");
    assertThat(read.identity().roles()).isEmpty();
    assertThat(read.identity().attributes()).isEmpty();
  }

  @Test
  void a_row_without_expiry_is_malformed_and_says_which_attribute_is_missing() {
    Map<String, AttributeValue> row =
        new HashMap<>(rowOf(session("bob", Optional.empty(), Optional.empty())));
    row.remove("expiresAt");
    SessionItem item = SessionItem.fromAttributes(row);

    assertThatThrownBy(() -> item.toSession("dynamodb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'expiresAt'");
  }

  @Test
  void the_same_unrevoked_session_is_recognised_as_a_committed_retry() {
    Session session = session("alice", Optional.empty(), Optional.empty());

    assertThat(SessionItem.from(session).isSameSessionAs(SessionItem.from(session))).isTrue();
  }

  @Test
  void another_principal_on_the_same_fingerprint_is_a_collision() {
    Session ours = session("alice", Optional.empty(), Optional.empty());
    Session theirs =
        new Session(
            ours.fingerprint(),
            new Identity("mallory", Set.of("reader"), Map.of(), ours.expiresAt(), "dynamodb"),
            ours.issuedAt(),
            Optional.empty());

    assertThat(SessionItem.from(ours).isSameSessionAs(SessionItem.from(theirs))).isFalse();
  }

  @Test
  void a_session_revoked_since_is_no_longer_the_one_being_created() {
    Session ours = session("alice", Optional.empty(), Optional.empty());

    boolean same =
        SessionItem.from(ours.revokedAt(ISSUED.plusSeconds(1)))
            .isSameSessionAs(SessionItem.from(ours));

    assertThat(same).isFalse();
  }

  @Test
  void a_row_read_back_from_its_attributes_is_the_same_session() {
    Session session =
        session("alice", Optional.of("usage-key"), Optional.of(ISSUED.plusSeconds(5)));

    Session back = SessionItem.fromAttributes(rowOf(session)).toSession("unused");

    assertThat(back).isEqualTo(session);
  }

  @Test
  void a_null_attribute_reads_as_absent() {
    Map<String, AttributeValue> row =
        new HashMap<>(rowOf(session("bob", Optional.of("usage-key"), Optional.empty())));
    row.put("apiKey", AttributeValue.fromNul(true));

    Session read = SessionItem.fromAttributes(row).toSession("dynamodb");

    assertThat(read.identity().apiKey()).isEmpty();
  }

  @Test
  void roles_stored_as_a_string_are_refused_with_the_attribute_named() {
    Map<String, AttributeValue> row =
        new HashMap<>(rowOf(session("bob", Optional.empty(), Optional.empty())));
    row.put("roles", AttributeValue.fromS("admin"));

    assertThatThrownBy(() -> SessionItem.fromAttributes(row))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'roles'");
  }

  @Test
  void an_attribute_value_that_is_not_a_string_is_refused() {
    Map<String, AttributeValue> row =
        new HashMap<>(rowOf(session("bob", Optional.empty(), Optional.empty())));
    row.put("attributes", AttributeValue.fromM(Map.of("tenant", AttributeValue.fromN("1"))));

    assertThatThrownBy(() -> SessionItem.fromAttributes(row))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'attributes'");
  }

  @Test
  void an_expiry_stored_as_a_string_is_refused_with_the_attribute_named() {
    Map<String, AttributeValue> row =
        new HashMap<>(rowOf(session("bob", Optional.empty(), Optional.empty())));
    row.put("expiresAt", AttributeValue.fromS("1893456000"));

    assertThatThrownBy(() -> SessionItem.fromAttributes(row))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'expiresAt'")
        .hasMessageContaining("epoch seconds");
  }

  private static Map<String, AttributeValue> rowOf(Session session) {
    return SessionItem.from(session).toAttributes();
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
