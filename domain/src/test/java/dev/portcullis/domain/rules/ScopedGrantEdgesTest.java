package dev.portcullis.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests the edges of scoped grants: where a variable may stand, and how long its value counts. */
class ScopedGrantEdgesTest {

  @Test
  void a_variable_at_the_very_start_of_a_path_is_refused_with_the_rules_own_message() {
    assertThatThrownBy(() -> AccessRules.of(Map.of("member", List.of("GET ${tenant}/orders"))))
        .isInstanceOf(InvalidRulesException.class)
        .hasMessageContaining("inside a path segment");
  }

  @Test
  void a_malformed_variable_is_refused_as_malformed_rather_than_as_a_bad_path() {
    assertThatThrownBy(
            () -> AccessRules.of(Map.of("member", List.of("GET /tenants/${a tenant}/*"))))
        .isInstanceOf(InvalidRulesException.class)
        .hasMessageContaining("malformed variable");
  }

  @Test
  void the_answer_size_bound_counts_each_variable_at_its_longest_value() {
    // Arrange: the same grant, once with a variable and once with a value of the longest length.
    String longest = "v".repeat(PathVariables.MAX_VALUE_LENGTH);
    AccessRules rules =
        AccessRules.of(
            Map.of(
                "scoped", List.of("GET /tenants/${tenant}/*"),
                "fixed", List.of("GET /tenants/" + longest + "/*")));

    // Act
    int scoped = rules.worstCaseAnswerBytes(Set.of("scoped"));
    int fixed = rules.worstCaseAnswerBytes(Set.of("fixed"));

    // Assert
    assertThat(scoped).isEqualTo(fixed);
  }
}
