package dev.portcullis.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.portcullis.domain.answer.AnswerLimits;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.policy.IdentityPolicy;
import dev.portcullis.domain.policy.PolicyCache;
import dev.portcullis.domain.policy.PolicyEvaluator;
import dev.portcullis.domain.rules.Grant.Applied;
import dev.portcullis.domain.rules.Grant.Parsed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests grants scoped to the caller: {@code ${principalId}} and {@code ${NAME}} in a path. */
class ScopedGrantTest {

  private static final String STAGE = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/";
  private static final RouteTarget TARGET = RouteTarget.parse(STAGE + "GET/health");
  private static final AccessRules RULES =
      AccessRules.of(
          Map.of(
              "member",
              List.of("GET /tenants/${tenant}/*", "PUT /users/${principalId}/profile"),
              "*",
              List.of("GET /health")));

  @Test
  void a_grant_naming_the_principal_and_an_attribute_is_accepted_with_its_variables() {
    Grant grant = accepted("GET /tenants/${tenant}/users/${principalId}");

    assertThat(grant.variables()).containsExactly("tenant", "principalId");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"GET /orders/{id}", "GET /files/{proxy+}", "GET /t/{tenant}/x"})
  void a_route_template_parameter_stays_refused_with_the_wildcard_hint(String text) {
    assertThat(Grant.parse(text))
        .isInstanceOf(Parsed.Rejected.class)
        .extracting(parsed -> ((Parsed.Rejected) parsed).problem())
        .asString()
        .contains("write /orders/* rather than /orders/{id}");
  }

  @Test
  void a_route_template_parameter_is_never_read_as_a_variable() {
    assertThat(Grant.parse("GET /orders/{principalId}")).isInstanceOf(Parsed.Rejected.class);
    assertThat(accepted("GET /orders/${id}").variables()).containsExactly("id");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "GET /t/${tenant}*",
        "GET /t/x${tenant}",
        "GET /t/${tenant}-x/y",
        "GET /t/${a}${b}"
      })
  void a_variable_inside_a_segment_is_refused(String text) {
    assertThat(problem(text)).contains("a variable fills a whole segment");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"GET /t/${}", "GET /t/${tenant", "GET /t/${ten ant}", "GET /t/$x"})
  void a_malformed_variable_is_refused(String text) {
    assertThat(Grant.parse(text)).isInstanceOf(Parsed.Rejected.class);
  }

  @Test
  void a_path_too_long_once_filled_in_is_refused() {
    String path = "/x".repeat(70) + "/${a}/${b}";

    assertThat(problem("GET " + path)).contains("with each variable at its longest value");
  }

  @Test
  void the_callers_values_are_filled_in() {
    Applied applied =
        accepted("PUT /users/${principalId}/t/${tenant}").applyTo(identity("alice", "acme"));

    assertThat(applied)
        .isEqualTo(new Applied.Applies(new Grant.HttpGrant("PUT", "/users/alice/t/acme")));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {".", "..", "a/b", "*", "a*", "", "x y", "é", "%2e%2e", "a?b"})
  void a_value_that_is_not_a_plain_segment_drops_the_grant(String value) {
    Applied applied = accepted("GET /tenants/${tenant}/*").applyTo(identity("alice", value));

    assertThat(applied).isInstanceOf(Applied.Dropped.class);
    assertThat(((Applied.Dropped) applied).reason()).contains("not a plain path segment");
  }

  @Test
  void a_missing_attribute_drops_the_grant_and_says_which() {
    Identity noTenant =
        new Identity(
            "alice", Set.of("member"), Map.of(), Instant.parse("2030-01-01T00:00:00Z"), "m");

    Applied applied = accepted("GET /tenants/${tenant}/*").applyTo(noTenant);

    assertThat(applied).isEqualTo(new Applied.Dropped("the identity has no attribute 'tenant'"));
  }

  @Test
  void the_policy_lists_the_grant_with_the_callers_values() {
    IdentityPolicy policy = new PolicyCache(RULES, 8).policyFor(identity("alice", "acme"), TARGET);

    assertThat(policy.policy().statements().get(0).resources())
        .containsExactly(
            STAGE + "GET/health", STAGE + "GET/tenants/acme/*", STAGE + "PUT/users/alice/profile");
    assertThat(policy.droppedGrants()).isEmpty();
  }

  @Test
  void two_identities_with_the_same_roles_and_different_tenants_never_share_a_cached_policy() {
    // Arrange
    PolicyCache cache = new PolicyCache(RULES, 8);
    Identity acme = identity("alice", "acme");
    Identity globex = identity("alice", "globex");

    // Act
    IdentityPolicy first = cache.policyFor(acme, TARGET);
    IdentityPolicy second = cache.policyFor(globex, TARGET);

    // Assert
    assertThat(allows(first, "GET/tenants/acme/orders")).isTrue();
    assertThat(allows(second, "GET/tenants/acme/orders")).isFalse();
    assertThat(allows(second, "GET/tenants/globex/orders")).isTrue();
    assertThat(cache.policyFor(acme, TARGET)).isSameAs(first);
  }

  @Test
  void an_identity_whose_tenant_is_missing_does_not_share_the_policy_of_one_that_has_it() {
    PolicyCache cache = new PolicyCache(RULES, 8);
    cache.policyFor(identity("alice", "acme"), TARGET);
    Identity noTenant =
        new Identity(
            "alice", Set.of("member"), Map.of(), Instant.parse("2030-01-01T00:00:00Z"), "m");

    IdentityPolicy policy = cache.policyFor(noTenant, TARGET);

    assertThat(allows(policy, "GET/tenants/acme/orders")).isFalse();
    assertThat(policy.droppedGrants())
        .containsExactly(
            "grant 'GET /tenants/${tenant}/*' dropped: the identity has no attribute 'tenant'");
  }

  @Property(tries = 300)
  void a_filled_in_policy_never_grants_a_path_outside_the_callers_own_values(
      @ForAll("values") String tenant,
      @ForAll("values") String other,
      @ForAll("paths") String rest) {
    // Arrange
    IdentityPolicy policy = new PolicyCache(RULES, 8).policyFor(identity("alice", tenant), TARGET);

    // Act
    boolean reachesOther =
        !other.equals(tenant) && allows(policy, "GET/tenants/" + other + "/" + rest);
    boolean reachesDotted = allows(policy, "GET/tenants/" + tenant + "/../" + rest);

    // Assert
    assertThat(reachesOther).as("another tenant's path").isFalse();
    assertThat(reachesDotted).as("a dot segment out of the tenant").isFalse();
    assertThat(allows(policy, "PUT/users/bob/profile")).isFalse();
    for (String resource : policy.policy().statements().get(0).resources()) {
      assertThat(resource.startsWith(STAGE + "GET/tenants/"))
          .as("a tenant resource is the caller's own: " + resource)
          .isEqualTo(resource.equals(STAGE + "GET/tenants/" + tenant + "/*"));
    }
  }

  @Property(tries = 300)
  void every_filled_in_answer_fits_the_bound_the_rules_were_checked_against(
      @ForAll("values") String tenant) {
    IdentityPolicy policy =
        new PolicyCache(RULES, 8).policyFor(identity("p".repeat(128), tenant), TARGET);

    assertThat(AnswerLimits.worstCaseAnswerBytes(policy.policy()))
        .isLessThanOrEqualTo(RULES.worstCaseAnswerBytes(Set.of("member")));
  }

  @Test
  void rules_whose_longest_filled_in_policy_cannot_fit_are_refused() {
    List<String> grants =
        IntStream.range(0, 60)
            .mapToObj(i -> "GET /t" + i + "/${tenant}/${principalId}/x/*")
            .toList();

    assertThat(catchThrowable(() -> AccessRules.of(Map.of("big", grants))))
        .isInstanceOf(InvalidRulesException.class)
        .hasMessageContaining("role 'big'");
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("abc.-_/*?%$ {}é\u0000").ofMinLength(0).ofMaxLength(8),
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(70),
        Arbitraries.of(".", "..", "acme", "acme*", "a/../b", "%2e%2e", "x".repeat(64)));
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.strings().withChars("ab/.*-").ofMinLength(0).ofMaxLength(10);
  }

  private static boolean allows(IdentityPolicy policy, String route) {
    return PolicyEvaluator.allows(policy.policy(), STAGE + route);
  }

  private static Identity identity(String principal, String tenant) {
    return new Identity(
        principal,
        Set.of("member"),
        Map.of("tenant", tenant),
        Instant.parse("2030-01-01T00:00:00Z"),
        "memory");
  }

  private static Grant accepted(String text) {
    return ((Parsed.Accepted) Grant.parse(text)).grant();
  }

  private static String problem(String text) {
    return ((Parsed.Rejected) Grant.parse(text)).problem();
  }
}
