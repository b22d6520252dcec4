package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.model.Session;
import dev.portcullis.json.JsonReader;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** DynamoDB's JSON for a GetItem answer and an error, read the way the SDK model reads it. */
class GetItemJsonTest {

  private static final String HEX = "ab".repeat(32);

  @Test
  void an_answer_without_item_is_no_session() throws IOException {
    assertThat(item("{\"ConsumedCapacity\":{\"TableName\":\"t\",\"CapacityUnits\":1.0}}")).isNull();
    assertThat(item("{\"Item\":{}}")).isNull();
  }

  @Test
  void every_contract_attribute_is_read() throws IOException {
    SessionItem item =
        item(
            "{\"Item\":{\"pk\":{\"S\":\""
                + HEX
                + "\"},\"principalId\":{\"S\":\"alice\"},"
                + "\"roles\":{\"L\":[{\"S\":\"reader\"},{\"S\":\"admin\"}]},"
                + "\"attributes\":{\"M\":{\"tenant\":{\"S\":\"acme\"}}},"
                + "\"apiKey\":{\"S\":\"usage\"},\"backend\":{\"S\":\"dynamodb\"},"
                + "\"issuedAt\":{\"N\":\"2222164800.25\"},\"expiresAt\":{\"N\":\"2222193600\"},"
                + "\"revokedAt\":{\"N\":\"2222164801\"}}}");

    Session session = item.toSession("unused");

    assertThat(session.fingerprint().hex()).isEqualTo(HEX);
    assertThat(session.principalId()).isEqualTo("alice");
    assertThat(session.identity().roles()).containsExactlyInAnyOrder("reader", "admin");
    assertThat(session.identity().attributes()).containsEntry("tenant", "acme");
    assertThat(session.identity().apiKey()).contains("usage");
    assertThat(session.issuedAt()).isEqualTo(Instant.parse("2040-06-01T12:00:00.250Z"));
    assertThat(session.expiresAt()).isEqualTo(Instant.parse("2040-06-01T20:00:00Z"));
    assertThat(session.revokedAt()).contains(Instant.parse("2040-06-01T12:00:01Z"));
  }

  @Test
  void null_attributes_are_absent_and_unknown_ones_are_skipped() throws IOException {
    SessionItem item =
        item(
            "{\"Item\":{\"note\":{\"M\":{\"x\":{\"L\":[{\"BOOL\":true}]}}},\"pk\":{\"S\":\""
                + HEX
                + "\"},\"principalId\":{\"S\":\"bob\"},\"apiKey\":{\"NULL\":true},"
                + "\"issuedAt\":{\"N\":\"1\"},\"expiresAt\":{\"N\":\"2\"},"
                + "\"revokedAt\":{\"NULL\":true},\"size\":{\"N\":\"3\"}}}");

    Session session = item.toSession("dynamodb");

    assertThat(session.identity().apiKey()).isEmpty();
    assertThat(session.revokedAt()).isEmpty();
    assertThat(session.identity().roles()).isEmpty();
    assertThat(session.identity().backend()).isEqualTo("dynamodb");
  }

  @Test
  void roles_of_another_type_are_refused_as_the_sdk_mapping_refuses_them() {
    assertThatThrownBy(() -> item("{\"Item\":{\"roles\":{\"SS\":[\"a\"]}}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute 'roles' must be a list of strings, got type SS");
    assertThatThrownBy(() -> item("{\"Item\":{\"roles\":{\"L\":[{\"N\":\"1\"}]}}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'roles' must be a list of strings");
  }

  @Test
  void an_instant_stored_as_a_string_is_refused() {
    assertThatThrownBy(() -> item("{\"Item\":{\"expiresAt\":{\"S\":\"1893456000\"}}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute 'expiresAt' must be a number of epoch seconds, got type S");
  }

  @Test
  void an_attribute_map_with_a_number_is_refused() {
    assertThatThrownBy(() -> item("{\"Item\":{\"attributes\":{\"M\":{\"n\":{\"N\":\"1\"}}}}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'attributes' must be a map of strings");
  }

  @Test
  void a_body_that_is_not_an_object_is_refused() {
    assertThatThrownBy(() -> item("[]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not DynamoDB JSON");
  }

  @Test
  void an_error_gives_its_type_without_the_namespace_and_its_message() throws IOException {
    JsonReader parser =
        JsonReader.of(
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                + "\"message\":\"Requested resource not found\"}",
            32);
    assertThat(GetItemJson.error(parser))
        .containsExactly("ResourceNotFoundException", "Requested resource not found");
  }

  private static SessionItem item(String json) throws IOException {
    return GetItemJson.item(JsonReader.of(json, 32));
  }
}
