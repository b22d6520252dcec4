package dev.portcullis.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests who a credential belongs to, and when that stops being true. */
class IdentityTest {

  private static final Instant EXPIRES = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void an_identity_is_live_until_just_before_expires_at() {
    Identity identity = identity("alice");

    assertThat(identity.isExpiredAt(EXPIRES.minusNanos(1))).isFalse();
  }

  @Test
  void an_identity_is_expired_at_exactly_expires_at() {
    assertThat(identity("alice").isExpiredAt(EXPIRES)).isTrue();
  }

  @Test
  void an_identity_is_expired_after_expires_at() {
    assertThat(identity("alice").isExpiredAt(EXPIRES.plusSeconds(1))).isTrue();
  }

  @Test
  void the_short_constructor_has_no_api_key() {
    assertThat(identity("alice").apiKey()).isEmpty();
  }

  @Test
  void roles_and_attributes_are_copied_so_later_changes_to_the_inputs_do_not_leak_in() {
    // Arrange
    Set<String> roles = new HashSet<>(Set.of("reader"));
    Map<String, String> attributes = new HashMap<>(Map.of("tenant", "acme"));
    Identity identity = new Identity("alice", roles, attributes, EXPIRES, "memory");

    // Act
    roles.add("admin");
    attributes.put("tenant", "evil");

    // Assert
    assertThat(identity.roles()).containsExactly("reader");
    assertThat(identity.attributes()).containsExactlyEntriesOf(Map.of("tenant", "acme"));
  }

  @Test
  void a_principal_id_of_128_visible_characters_is_accepted() {
    assertThat(identity("p".repeat(128)).principalId()).hasSize(128);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", "ali ce", "alice\n", "\u0430lice", "tab\there"})
  void a_principal_id_that_is_not_visible_ascii_is_refused(String principalId) {
    assertThatThrownBy(() -> identity(principalId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("principalId");
  }

  @Test
  void a_principal_id_of_129_characters_is_refused() {
    assertThatThrownBy(() -> identity("p".repeat(129)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("principalId")
        .hasMessageContaining("129");
  }

  @Test
  void a_backend_name_of_64_visible_characters_is_accepted() {
    assertThat(new Identity("alice", Set.of(), Map.of(), EXPIRES, "b".repeat(64)).backend())
        .hasSize(64);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", "mem ory", "memory\n", "m\u00e9mory"})
  void a_backend_name_that_is_not_visible_ascii_is_refused(String backend) {
    assertThatThrownBy(() -> new Identity("alice", Set.of(), Map.of(), EXPIRES, backend))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backend");
  }

  @Test
  void a_backend_name_of_65_characters_is_refused() {
    assertThatThrownBy(() -> new Identity("alice", Set.of(), Map.of(), EXPIRES, "b".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backend must be 1 to 64");
  }

  @Test
  void a_missing_field_is_named_in_the_error() {
    assertThatNullPointerException()
        .isThrownBy(() -> new Identity("alice", Set.of(), Map.of(), null, "memory"))
        .withMessage("expiresAt");
    assertThatNullPointerException()
        .isThrownBy(() -> new Identity("alice", Set.of(), Map.of(), EXPIRES, null))
        .withMessage("backend");
    assertThatNullPointerException()
        .isThrownBy(() -> new Identity(null, Set.of(), Map.of(), EXPIRES, "memory"))
        .withMessage("principalId");
    assertThatNullPointerException()
        .isThrownBy(() -> new Identity("alice", Set.of(), Map.of(), EXPIRES, "memory", null))
        .withMessage("apiKey");
  }

  @Test
  void the_api_key_is_kept() {
    Identity identity =
        new Identity("alice", Set.of(), Map.of(), EXPIRES, "memory", Optional.of("key-1"));

    assertThat(identity.apiKey()).contains("key-1");
  }

  private static Identity identity(String principalId) {
    return new Identity(principalId, Set.of("reader"), Map.of(), EXPIRES, "memory");
  }
}
