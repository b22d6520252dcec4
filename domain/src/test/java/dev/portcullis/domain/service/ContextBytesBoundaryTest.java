package dev.portcullis.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.domain.model.Identity;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The context's byte bounds at exactly their limits, against the length of the JSON written out by
 * hand: what fits exactly is kept, one byte more is left out.
 */
class ContextBytesBoundaryTest {

  private static final Instant EXPIRES = Instant.ofEpochSecond(1_893_456_000L);

  /** The fixed keys of an identity p, role r, backend b, as JSON, without the closing brace. */
  private static final String FIXED =
      "{\"principalId\":\"p\",\"roles\":\"r\",\"backend\":\"b\",\"expiresAt\":1893456000";

  private static Identity identity(Set<String> roles, Map<String, String> attributes) {
    return new Identity("p", roles, attributes, EXPIRES, "b");
  }

  /** Attributes a and b, where b's value is as long as makes the whole context {@code total}. */
  private static Map<String, String> attributesMaking(int total) {
    String a = "x".repeat(ContextBuilder.MAX_VALUE_LENGTH);
    String withoutB = FIXED + ",\"a\":\"" + a + "\",\"b\":\"\"}";
    return Map.of("a", a, "b", "y".repeat(total - withoutB.length()));
  }

  @Test
  void attributes_making_the_context_exactly_2048_bytes_are_all_kept() {
    Map<String, Object> context =
        ContextBuilder.build(
            identity(Set.of("r"), attributesMaking(ContextBuilder.MAX_CONTEXT_BYTES)));

    assertThat(context).containsKeys("a", "b");
    assertThat(ContextBuilder.contextBytes(context)).isEqualTo(ContextBuilder.MAX_CONTEXT_BYTES);
  }

  @Test
  void an_attribute_that_would_make_it_2049_bytes_is_left_out() {
    Map<String, Object> context =
        ContextBuilder.build(
            identity(Set.of("r"), attributesMaking(ContextBuilder.MAX_CONTEXT_BYTES + 1)));

    assertThat(context).containsKey("a").doesNotContainKey("b");
  }

  @Test
  void roles_of_exactly_the_roles_bound_are_all_kept() {
    String longRole = "r".repeat(ContextBuilder.MAX_ROLES_BYTES - "\"a,\"".length());

    String roles = ContextBuilder.roles(identity(Set.of("a", longRole), Map.of()));

    assertThat(roles).isEqualTo("a," + longRole);
  }

  @Test
  void a_value_of_another_type_counts_as_its_text() {
    assertThat(ContextBuilder.contextBytes(Map.of("flag", true)))
        .isEqualTo("{\"flag\":true}".length());
  }

  @Test
  void a_role_starting_with_a_comma_is_left_out_like_any_role_holding_one() {
    String roles = ContextBuilder.roles(identity(Set.of(",admin", "reader"), Map.of()));

    assertThat(roles).isEqualTo("reader");
  }
}
