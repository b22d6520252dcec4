package dev.portcullis.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.testing.JsonText;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests the authorizer context built from an identity. */
class ContextBuilderTest {

  private static final Instant EXPIRES = Instant.parse("2030-01-01T00:00:00.900Z");

  @Test
  void the_fixed_keys_come_first_then_the_attributes_in_key_order() {
    // Arrange
    Identity identity = identity(Set.of("reader"), Map.of("zone", "eu", "tenant", "acme"));

    // Act
    Map<String, Object> context = ContextBuilder.build(identity);

    // Assert
    assertThat(context.keySet())
        .containsExactly("principalId", "roles", "backend", "expiresAt", "tenant", "zone");
  }

  @Test
  void the_fixed_keys_carry_the_identity() {
    Map<String, Object> context = ContextBuilder.build(identity(Set.of("reader"), Map.of()));

    assertThat(context)
        .containsEntry("principalId", "alice")
        .containsEntry("roles", "reader")
        .containsEntry("backend", "memory");
  }

  @Test
  void roles_are_sorted_and_comma_joined() {
    Map<String, Object> context =
        ContextBuilder.build(identity(Set.of("writer", "admin", "reader"), Map.of()));

    assertThat(context).containsEntry("roles", "admin,reader,writer");
  }

  @Test
  void a_role_holding_a_comma_is_left_out_of_the_roles_list() {
    Map<String, Object> context =
        ContextBuilder.build(identity(Set.of("reader", "admin,evil"), Map.of()));

    assertThat(context).containsEntry("roles", "reader");
  }

  @Test
  void the_roles_list_stops_at_1024_bytes() {
    Set<String> roles = new java.util.HashSet<>();
    for (int i = 0; i < 200; i++) {
      roles.add(String.format("role-%04d", i));
    }

    String joined = (String) ContextBuilder.build(identity(roles, Map.of())).get("roles");

    assertThat(joined.length() + 2).isLessThanOrEqualTo(ContextBuilder.MAX_ROLES_BYTES);
    assertThat(joined).startsWith("role-0000,role-0001,").doesNotEndWith(",");
    assertThat(joined.split(",")).hasSize(102);
  }

  @Test
  void no_roles_give_an_empty_string() {
    assertThat(ContextBuilder.build(identity(Set.of(), Map.of()))).containsEntry("roles", "");
  }

  @Test
  void expires_at_is_a_long_of_epoch_seconds() {
    Object expiresAt = ContextBuilder.build(identity(Set.of(), Map.of())).get("expiresAt");

    assertThat(expiresAt).isInstanceOf(Long.class).isEqualTo(EXPIRES.getEpochSecond());
  }

  @Test
  void every_value_is_a_string_or_a_long() {
    Map<String, Object> context =
        ContextBuilder.build(identity(Set.of("a", "b"), Map.of("tenant", "acme", "n", "1")));

    assertThat(context.values()).allMatch(v -> v instanceof String || v instanceof Long);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"principalId", "roles", "backend", "expiresAt", "claims"})
  void an_attribute_cannot_override_a_reserved_key(String key) {
    // Act
    Map<String, Object> context =
        ContextBuilder.build(identity(Set.of("reader"), Map.of(key, "forged", "tenant", "acme")));

    // Assert
    assertThat(context).doesNotContainValue("forged").containsEntry("tenant", "acme");
    assertThat(ContextBuilder.acceptsAttribute(key, "forged")).isFalse();
  }

  @Test
  void a_key_of_64_characters_is_kept_and_one_of_65_is_left_out() {
    // Arrange
    String longest = "k".repeat(ContextBuilder.MAX_KEY_LENGTH);
    String tooLong = "x".repeat(ContextBuilder.MAX_KEY_LENGTH + 1);

    // Act
    Map<String, Object> context =
        ContextBuilder.build(identity(Set.of(), Map.of(longest, "1", tooLong, "2")));

    // Assert
    assertThat(context).containsKey(longest).doesNotContainKey(tooLong);
  }

  @Test
  void a_key_of_letters_digits_and_the_allowed_punctuation_is_accepted() {
    assertThat(ContextBuilder.acceptsAttribute("Tenant_id.v2:x-y", "v")).isTrue();
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"", "a b", "a/b", "t\u00E9nant", "a\nb", "a\"b", "a$b", "{x}"})
  void a_key_with_other_characters_is_left_out(String key) {
    // Act
    Map<String, Object> context = ContextBuilder.build(identity(Set.of(), Map.of(key, "v")));

    // Assert
    assertThat(context).doesNotContainKey(key).hasSize(4);
    assertThat(ContextBuilder.acceptsAttribute(key, "v")).isFalse();
  }

  @Test
  void a_value_of_1024_characters_is_kept_and_one_of_1025_is_left_out() {
    // Arrange
    Map<String, String> attributes =
        Map.of(
            "fits", "v".repeat(ContextBuilder.MAX_VALUE_LENGTH),
            "over", "v".repeat(ContextBuilder.MAX_VALUE_LENGTH + 1));

    // Act
    Map<String, Object> context = ContextBuilder.build(identity(Set.of(), attributes));

    // Assert
    assertThat(context).containsKey("fits").doesNotContainKey("over");
  }

  @Test
  void null_keys_and_values_are_not_accepted() {
    assertThat(ContextBuilder.acceptsAttribute(null, "v")).isFalse();
    assertThat(ContextBuilder.acceptsAttribute("k", null)).isFalse();
  }

  @Test
  void at_most_32_attributes_are_copied_the_first_in_key_order() {
    // Arrange
    Map<String, String> attributes = new HashMap<>();
    for (int i = 0; i < 40; i++) {
      attributes.put(String.format("a%02d", i), "v");
    }

    // Act
    Map<String, Object> context = ContextBuilder.build(identity(Set.of(), attributes));

    // Assert
    assertThat(context).hasSize(4 + ContextBuilder.MAX_ATTRIBUTES).containsKey("a31");
    assertThat(context).doesNotContainKey("a32");
  }

  @Test
  void attributes_stop_once_the_context_would_pass_2048_bytes() {
    // Arrange: the fixed keys of alice take 76 bytes, and each attribute 1,010.
    Map<String, String> attributes = new HashMap<>();
    for (int i = 0; i < 6; i++) {
      attributes.put("key" + i, "v".repeat(1000));
    }

    // Act
    Map<String, Object> context = ContextBuilder.build(identity(Set.of(), attributes));

    // Assert
    assertThat(context).containsKey("key0").doesNotContainKeys("key1", "key2");
    assertThat(ContextBuilder.contextBytes(context))
        .isEqualTo(76 + 1010)
        .isEqualTo(JsonText.encodedBytes(context));
  }

  @Test
  void attributes_that_fill_exactly_2048_bytes_are_all_kept() {
    // Arrange: 76 bytes of fixed keys, and two attributes of 986 bytes.
    Map<String, String> attributes = Map.of("key0", "v".repeat(976), "key1", "v".repeat(976));

    // Act
    Map<String, Object> context = ContextBuilder.build(identity(Set.of(), attributes));

    // Assert
    assertThat(context).hasSize(6);
    assertThat(JsonText.encodedBytes(context)).isEqualTo(ContextBuilder.MAX_CONTEXT_BYTES);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"\"\\", "\u0001", "\ud83d\ude00", "\u00e9", "\u20ac"})
  void values_of_escaped_or_multibyte_characters_are_bounded_in_encoded_bytes(String unit) {
    // Arrange: 32 attributes of 1,000 characters each, made of one kind of character.
    Map<String, String> attributes = new HashMap<>();
    String value = unit.repeat(1000 / unit.length());
    for (int i = 0; i < 32; i++) {
      attributes.put(String.format("k%02d", i), value);
    }

    // Act
    Map<String, Object> context = ContextBuilder.build(identity(Set.of(), attributes));

    // Assert
    assertThat(JsonText.encodedBytes(context))
        .isLessThanOrEqualTo(ContextBuilder.contextBytes(context))
        .isLessThanOrEqualTo(ContextBuilder.MAX_CONTEXT_BYTES);
  }

  @Test
  void a_value_with_a_lone_surrogate_cannot_be_written_and_is_left_out() {
    Map<String, Object> context =
        ContextBuilder.build(identity(Set.of(), Map.of("bad", "a\ud83d", "good", "b")));

    assertThat(context).containsKey("good").doesNotContainKey("bad");
    assertThat(ContextBuilder.acceptsAttribute("bad", "a\ud83d")).isFalse();
  }

  @Test
  void the_roles_list_is_bounded_in_bytes_even_when_role_names_need_escaping() {
    // Arrange: 200 roles of 9 characters, each holding a quote (10 bytes as JSON).
    Set<String> roles = new java.util.HashSet<>();
    for (int i = 0; i < 200; i++) {
      roles.add(String.format("r\"%07d", i));
    }

    // Act
    String joined = (String) ContextBuilder.build(identity(roles, Map.of())).get("roles");

    // Assert
    assertThat(JsonText.encodedBytes(joined)).isLessThanOrEqualTo(ContextBuilder.MAX_ROLES_BYTES);
    assertThat(joined.split(",")).hasSize(93);
  }

  @Test
  void attributes_within_the_guaranteed_bytes_all_fit_beside_the_largest_fixed_keys() {
    // Arrange: a principal and backend of escaped characters, a full roles list, and attributes
    // that fill the guaranteed bytes exactly.
    Set<String> roles = new java.util.HashSet<>();
    for (int i = 0; i < 200; i++) {
      roles.add(String.format("role-%04d", i));
    }
    int valueLength = ContextBuilder.GUARANTEED_ATTRIBUTE_BYTES - ",\"k\":\"\"".length();
    Identity largest =
        new Identity(
            "\"".repeat(128),
            roles,
            Map.of("k", "v".repeat(valueLength)),
            java.time.Instant.ofEpochSecond(-9_000_000_000L),
            "\\".repeat(Identity.MAX_BACKEND_LENGTH));

    // Act
    Map<String, Object> context = ContextBuilder.build(largest);

    // Assert
    assertThat(context).containsKey("k");
    assertThat(JsonText.encodedBytes(context))
        .isLessThanOrEqualTo(ContextBuilder.MAX_CONTEXT_BYTES);
  }

  private static Identity identity(Set<String> roles, Map<String, String> attributes) {
    return new Identity("alice", roles, attributes, EXPIRES, "memory");
  }
}
