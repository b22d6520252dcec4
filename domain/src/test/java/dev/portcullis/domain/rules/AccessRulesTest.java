package dev.portcullis.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portcullis.domain.rules.Grant.HttpGrant;
import dev.portcullis.domain.rules.Grant.RouteKeyGrant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests the mapping from roles to grants, and how broken rules are reported. */
class AccessRulesTest {

  private static final AccessRules RULES =
      AccessRules.of(
          Map.of(
              "admin", List.of("* /*"),
              "reader", List.of("GET /orders", "GET /orders/*"),
              "chatter", List.of("$connect"),
              "*", List.of("GET /health")));

  @Test
  void an_identity_gets_the_grants_of_its_roles_and_of_the_any_role() {
    assertThat(RULES.grantsFor(Set.of("reader")))
        .containsExactlyInAnyOrder(
            new HttpGrant("GET", "/health"),
            new HttpGrant("GET", "/orders"),
            new HttpGrant("GET", "/orders/*"));
  }

  @Test
  void the_any_role_applies_to_an_identity_without_roles() {
    assertThat(RULES.grantsFor(Set.of())).containsExactly(new HttpGrant("GET", "/health"));
  }

  @Test
  void the_any_role_applies_to_an_identity_whose_roles_are_all_unknown() {
    assertThat(RULES.grantsFor(Set.of("nobody"))).containsExactly(new HttpGrant("GET", "/health"));
  }

  @Test
  void grants_shared_by_several_roles_appear_once() {
    // Arrange
    AccessRules rules =
        AccessRules.of(Map.of("a", List.of("GET /x", "$connect"), "b", List.of("GET /x")));

    // Act and assert
    assertThat(rules.grantsFor(List.of("a", "b")))
        .containsExactlyInAnyOrder(new HttpGrant("GET", "/x"), new RouteKeyGrant("$connect"));
  }

  @Test
  void a_grant_repeated_within_a_role_is_kept_once() {
    AccessRules rules = AccessRules.of(Map.of("a", List.of("GET /x", "GET /x", "ANY /y", "* /y")));

    assertThat(rules.asMap().get("a"))
        .containsExactly(new HttpGrant("GET", "/x"), new HttpGrant("*", "/y"));
  }

  @Test
  void roles_are_listed_sorted() {
    assertThat(RULES.roles()).containsExactly("*", "admin", "chatter", "reader");
  }

  @Test
  void a_role_with_no_grants_is_allowed_and_grants_nothing() {
    AccessRules rules = AccessRules.of(Map.of("idle", List.of()));

    assertThat(rules.grantsFor(Set.of("idle"))).isEmpty();
  }

  @Test
  void a_bad_grant_is_reported_with_its_role_and_its_text() {
    // Act
    InvalidRulesException e = invalid(Map.of("reader", List.of("get /orders")));

    // Assert
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0))
        .startsWith("role 'reader': grant 'get /orders' has unknown method 'get'");
  }

  @Test
  void every_problem_is_reported_at_once() {
    // Arrange
    Map<String, List<String>> rules = new LinkedHashMap<>();
    rules.put("reader", List.of("get /orders", "GET /orders/{id}", "GET /ok"));
    rules.put("writer", List.of("FETCH /orders", "POST orders", " "));
    rules.put("long", List.of("GET /" + "a".repeat(300)));
    rules.put("chat", Arrays.asList("$con nect", null));

    // Act
    InvalidRulesException e = invalid(rules);

    // Assert
    assertThat(e.problems())
        .hasSize(8)
        .anySatisfy(p -> assertThat(p).startsWith("role 'reader': grant 'get /orders' "))
        .anySatisfy(p -> assertThat(p).startsWith("role 'reader': grant 'GET /orders/{id}' "))
        .anySatisfy(p -> assertThat(p).startsWith("role 'writer': grant 'FETCH /orders' "))
        .anySatisfy(p -> assertThat(p).startsWith("role 'writer': grant 'POST orders' "))
        .anySatisfy(p -> assertThat(p).isEqualTo("role 'writer': grant ' ' is empty"))
        .anySatisfy(p -> assertThat(p).contains("role 'long'").contains("longer than 256"))
        .anySatisfy(p -> assertThat(p).startsWith("role 'chat': grant '$con nect' "))
        .anySatisfy(p -> assertThat(p).isEqualTo("role 'chat': grant 'null' is empty"));
    assertThat(e.problems()).noneMatch(p -> p.contains("GET /ok"));
    assertThat(e.getMessage()).startsWith("invalid access rules:\n  - ");
    e.problems().forEach(p -> assertThat(e.getMessage()).contains("\n  - " + p));
  }

  @Test
  void a_role_with_a_null_list_of_grants_is_reported() {
    // Arrange
    Map<String, List<String>> rules = new HashMap<>();
    rules.put("ghost", null);

    // Act and assert
    assertThat(invalid(rules).problems()).containsExactly("role 'ghost' has no list of grants");
  }

  @Test
  void a_role_name_that_is_not_visible_ascii_is_reported() {
    // Arrange
    Map<String, List<String>> rules = new LinkedHashMap<>();
    rules.put("bad role", List.of("GET /x"));
    rules.put("", List.of("GET /x"));
    rules.put(null, List.of("GET /x"));
    rules.put("a,b", List.of("GET /x"));

    // Act and assert
    assertThat(invalid(rules).problems())
        .containsExactlyInAnyOrder(
            "role 'bad role' must be 1 to 128 visible ASCII characters other than ','",
            "role '' must be 1 to 128 visible ASCII characters other than ','",
            "role 'null' must be 1 to 128 visible ASCII characters other than ','",
            "role 'a,b' must be 1 to 128 visible ASCII characters other than ','");
  }

  private static InvalidRulesException invalid(Map<String, ? extends List<String>> rules) {
    InvalidRulesException e =
        catchThrowableOfType(InvalidRulesException.class, () -> AccessRules.of(rules));
    assertThat(e).as("AccessRules.of should have thrown").isNotNull();
    return e;
  }
}
