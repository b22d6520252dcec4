package dev.portcullis.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portcullis.domain.answer.AnswerLimits;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.policy.PolicyBuilder;
import dev.portcullis.domain.policy.PolicyDocument;
import dev.portcullis.domain.policy.Statement;
import dev.portcullis.domain.rules.Grant.HttpGrant;
import dev.portcullis.domain.rules.Grant.RouteKeyGrant;
import dev.portcullis.domain.service.ContextBuilder;
import dev.portcullis.domain.testing.JsonText;
import java.time.Instant;
import java.util.ArrayList;
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

  @Test
  void the_default_route_key_is_reported_with_what_to_write_instead() {
    assertThat(invalid(Map.of("api", List.of("$default"))).problems())
        .singleElement()
        .satisfies(p -> assertThat(p).startsWith("role 'api': grant '$default' names the"))
        .satisfies(p -> assertThat(p).contains("'* /*'"));
  }

  @Test
  void a_role_of_100_route_keys_is_refused_with_one_problem_naming_it_its_size_and_a_remedy() {
    // Arrange: the review's 100 route-key grants, beside a small role that fits.
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      keys.add("route" + i);
    }
    Map<String, List<String>> rules = new LinkedHashMap<>();
    rules.put("chatty", keys);
    rules.put("reader", List.of("GET /orders/*"));

    // Act
    InvalidRulesException e = invalid(rules);

    // Assert
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0))
        .startsWith("role 'chatty': an answer for it can take ")
        .containsPattern("can take \\d{5} bytes \\(a policy of 100 resources")
        .contains("over API Gateway's limit of 8192")
        .contains("wildcard")
        .contains("split the role");
  }

  @Test
  void a_rest_role_of_2101_grants_is_refused() {
    List<String> grants = new ArrayList<>();
    for (int i = 0; i < 2101; i++) {
      grants.add("GET /items/" + i);
    }

    assertThat(invalid(Map.of("bulk", grants)).problems())
        .singleElement()
        .satisfies(p -> assertThat(p).startsWith("role 'bulk': an answer for it can take "));
  }

  @Test
  void the_largest_role_accepted_gives_answers_that_fit_even_at_every_bound() {
    // Arrange: the most grants one role may hold on the longest API and stage prefix.
    AccessRules largest = null;
    for (int n = 1; ; n++) {
      List<String> grants = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        grants.add("GET /orders" + i + "/*");
      }
      try {
        largest = AccessRules.of(Map.of("r", grants));
      } catch (InvalidRulesException e) {
        break;
      }
    }
    PolicyDocument policy =
        PolicyBuilder.build(largest.grantsFor(List.of("r")), AnswerLimits.LONGEST_TARGET);

    // Act: the answer written out, principal, context and key at their largest.
    Map<String, Object> answer = worstAnswer(policy);

    // Assert
    assertThat(policy.statements().get(0).resources()).hasSizeGreaterThan(15);
    assertThat(JsonText.encodedBytes(answer))
        .isLessThanOrEqualTo(largest.worstCaseAnswerBytes(List.of("r")))
        .isLessThanOrEqualTo(AnswerLimits.MAX_ANSWER_BYTES);
  }

  @Test
  void the_any_role_counts_toward_every_role() {
    // Arrange: "*" alone fits, and so does "r" alone, but not the two together.
    List<String> many = new ArrayList<>();
    List<String> more = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      many.add("GET /a" + i + "/*");
      more.add("GET /b" + i + "/*");
    }
    Map<String, List<String>> rules = new LinkedHashMap<>();
    rules.put("*", many);
    rules.put("r", more);

    // Act and assert
    assertThat(invalid(rules).problems())
        .singleElement()
        .satisfies(p -> assertThat(p).startsWith("role 'r': "));
    assertThat(AccessRules.of(Map.of("*", many)).worstCaseAnswerBytes(List.of()))
        .isLessThanOrEqualTo(AnswerLimits.MAX_ANSWER_BYTES);
  }

  @Test
  void roles_that_fit_alone_but_not_together_are_accepted_with_a_warning() {
    // Arrange
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      a.add("GET /a" + i + "/*");
      b.add("GET /b" + i + "/*");
    }

    // Act
    AccessRules rules = AccessRules.of(Map.of("a", a, "b", b));

    // Assert
    assertThat(rules.worstCaseAnswerBytes(List.of("a"))).isLessThanOrEqualTo(8192);
    assertThat(rules.unionWorstCaseAnswerBytes()).isGreaterThan(8192);
    assertThat(rules.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w).startsWith("an identity holding every role (a, b) could"))
        .satisfies(w -> assertThat(w).contains(rules.unionWorstCaseAnswerBytes() + " bytes"));
  }

  @Test
  void rules_whose_roles_fit_together_have_no_warning() {
    assertThat(RULES.warnings()).isEmpty();
    assertThat(RULES.unionWorstCaseAnswerBytes()).isLessThanOrEqualTo(8192);
  }

  @Test
  void a_route_key_other_than_connect_is_accepted_with_a_warning_that_it_allows_nothing() {
    AccessRules rules = AccessRules.of(Map.of("chat", List.of("$connect", "$disconnect")));

    assertThat(rules.warnings())
        .containsExactly(
            "role 'chat': grant '$disconnect' allows nothing: API Gateway runs a WebSocket API's"
                + " authorizer on $connect only");
  }

  /** An answer as the Lambda adapter writes it, with every part but the policy at its bound. */
  private static Map<String, Object> worstAnswer(PolicyDocument policy) {
    Set<String> roles = new java.util.HashSet<>();
    for (int i = 0; i < 300; i++) {
      roles.add(String.format("role-%04d", i));
    }
    Map<String, String> attributes = new HashMap<>();
    for (int i = 0; i < 32; i++) {
      attributes.put(String.format("k%02d", i), "\"".repeat(1000));
    }
    Identity identity =
        new Identity(
            "\"".repeat(128),
            roles,
            attributes,
            Instant.ofEpochSecond(-31_557_014_167_219_200L),
            "\\".repeat(Identity.MAX_BACKEND_LENGTH));
    List<Map<String, Object>> statements = new ArrayList<>();
    for (Statement statement : policy.statements()) {
      Map<String, Object> written = new LinkedHashMap<>();
      written.put("Action", statement.actions().get(0));
      written.put("Effect", statement.effect().name());
      written.put("Resource", statement.resources());
      statements.add(written);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("Version", PolicyDocument.VERSION);
    document.put("Statement", statements);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("principalId", identity.principalId());
    answer.put("policyDocument", document);
    answer.put("context", ContextBuilder.build(identity));
    answer.put("usageIdentifierKey", "k".repeat(128));
    return answer;
  }

  private static InvalidRulesException invalid(Map<String, ? extends List<String>> rules) {
    InvalidRulesException e =
        catchThrowableOfType(InvalidRulesException.class, () -> AccessRules.of(rules));
    assertThat(e).as("AccessRules.of should have thrown").isNotNull();
    return e;
  }
}
