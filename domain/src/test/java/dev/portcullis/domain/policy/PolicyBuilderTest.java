package dev.portcullis.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.rules.Grant;
import dev.portcullis.domain.testing.Policies;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests the one policy an identity gets on an API and stage. */
class PolicyBuilderTest {

  private static final String API = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/";
  private static final String STAGE = API + "prod/";
  private static final RouteTarget HTTP_TARGET = RouteTarget.parse(STAGE + "GET/orders/42");
  private static final RouteTarget WS_TARGET = RouteTarget.parse(STAGE + "$connect");

  @Test
  void the_policy_allows_every_granted_route_in_one_statement_then_denies_dot_segments() {
    // Act
    PolicyDocument policy =
        PolicyBuilder.build(grants("GET /orders/*", "POST /orders", "GET /health"), HTTP_TARGET);

    // Assert
    assertThat(policy.statements())
        .containsExactly(
            Statement.invoke(
                Effect.Allow,
                List.of(STAGE + "GET/health", STAGE + "GET/orders/*", STAGE + "POST/orders")),
            Statement.invoke(Effect.Deny, PolicyBuilder.dotSegmentResources("aws")));
    assertThat(Policies.allowsAnything(policy)).isTrue();
  }

  @Test
  void the_policy_allows_routes_other_than_the_one_called_so_a_cached_policy_stays_right() {
    PolicyDocument policy =
        PolicyBuilder.build(grants("GET /orders/*", "GET /health"), HTTP_TARGET);

    assertThat(PolicyEvaluator.allows(policy, STAGE + "GET/health")).isTrue();
    assertThat(PolicyEvaluator.allows(policy, STAGE + "GET/orders/7")).isTrue();
  }

  @Test
  void the_policy_allows_nothing_on_another_stage_or_api() {
    PolicyDocument policy = PolicyBuilder.build(grants("* /*"), HTTP_TARGET);

    assertThat(PolicyEvaluator.allows(policy, API + "dev/GET/orders/42")).isFalse();
    assertThat(
            PolicyEvaluator.allows(
                policy, "arn:aws:execute-api:us-east-1:123456789012:other12345/prod/GET/orders/42"))
        .isFalse();
    assertThat(PolicyEvaluator.allows(policy, HTTP_TARGET.arn())).isTrue();
  }

  @Test
  void duplicate_grants_give_one_resource() {
    PolicyDocument policy =
        PolicyBuilder.build(grants("GET /x", "GET /x", "ANY /y", "* /y"), HTTP_TARGET);

    assertThat(allowed(policy)).doesNotHaveDuplicates().contains(STAGE + "GET/x");
  }

  @Test
  void a_resource_covered_by_a_wider_one_is_dropped() {
    PolicyDocument policy =
        PolicyBuilder.build(grants("GET /orders", "* /*", "GET /orders/*"), HTTP_TARGET);

    assertThat(allowed(policy)).containsExactly(STAGE + "*/*");
  }

  @Test
  void a_path_wildcard_swallows_the_paths_under_it() {
    PolicyDocument policy =
        PolicyBuilder.build(
            grants("GET /orders/*", "GET /orders/42/items", "GET /orders"), HTTP_TARGET);

    assertThat(allowed(policy)).containsExactly(STAGE + "GET/orders", STAGE + "GET/orders/*");
  }

  @Test
  void any_method_on_a_path_not_starting_with_a_wildcard_lists_each_method() {
    // Arrange: "*/orders" would also match GET/x/orders, because * spans slashes.
    PolicyDocument policy = PolicyBuilder.build(grants("ANY /orders"), HTTP_TARGET);

    // Act and assert
    assertThat(allowed(policy))
        .containsExactly(
            STAGE + "DELETE/orders",
            STAGE + "GET/orders",
            STAGE + "HEAD/orders",
            STAGE + "OPTIONS/orders",
            STAGE + "PATCH/orders",
            STAGE + "POST/orders",
            STAGE + "PUT/orders");
    assertThat(PolicyEvaluator.allows(policy, STAGE + "GET/x/orders")).isFalse();
    assertThat(PolicyEvaluator.allows(policy, STAGE + "PATCH/orders")).isTrue();
  }

  @Test
  void any_method_on_a_path_starting_with_a_wildcard_stays_one_resource() {
    PolicyDocument policy = PolicyBuilder.build(grants("* /*/items"), HTTP_TARGET);

    assertThat(allowed(policy)).containsExactly(STAGE + "*/*/items");
  }

  @Test
  void a_grant_for_every_method_swallows_the_same_path_for_one_method() {
    PolicyDocument policy = PolicyBuilder.build(grants("* /orders", "GET /orders"), HTTP_TARGET);

    assertThat(allowed(policy)).hasSize(7).contains(STAGE + "GET/orders");
  }

  @Test
  void seven_methods_granted_one_by_one_on_a_path_starting_with_a_wildcard_merge_into_one() {
    // Arrange
    List<Grant> grants =
        grants(
            "GET /*/items",
            "POST /*/items",
            "PUT /*/items",
            "PATCH /*/items",
            "DELETE /*/items",
            "HEAD /*/items",
            "OPTIONS /*/items",
            "GET /health");

    // Act
    PolicyDocument policy = PolicyBuilder.build(grants, HTTP_TARGET);

    // Assert
    assertThat(allowed(policy)).containsExactly(STAGE + "*/*/items", STAGE + "GET/health");
    assertThat(PolicyEvaluator.allows(policy, STAGE + "PATCH/orders/7/items")).isTrue();
    assertThat(PolicyEvaluator.allows(policy, STAGE + "GET/orders/7/items/8")).isFalse();
  }

  @Test
  void six_methods_on_a_wildcard_path_or_seven_on_a_literal_path_are_not_merged() {
    PolicyDocument six =
        PolicyBuilder.build(
            grants(
                "GET /*/items",
                "POST /*/items",
                "PUT /*/items",
                "PATCH /*/items",
                "DELETE /*/items",
                "HEAD /*/items"),
            HTTP_TARGET);
    PolicyDocument literal =
        PolicyBuilder.build(
            grants(
                "GET /orders",
                "POST /orders",
                "PUT /orders",
                "PATCH /orders",
                "DELETE /orders",
                "HEAD /orders",
                "OPTIONS /orders"),
            HTTP_TARGET);

    assertThat(allowed(six)).hasSize(6).doesNotContain(STAGE + "*/*/items");
    assertThat(allowed(literal)).hasSize(7);
    assertThat(PolicyEvaluator.allows(six, STAGE + "OPTIONS/x/items")).isFalse();
    assertThat(PolicyEvaluator.allows(literal, STAGE + "GET/x/orders")).isFalse();
  }

  @Test
  void the_policy_is_the_same_whichever_route_of_the_stage_was_called() {
    // Arrange
    List<Grant> grants = grants("GET /orders/*", "$connect", "POST /orders");
    List<RouteTarget> routes =
        List.of(
            HTTP_TARGET,
            WS_TARGET,
            RouteTarget.parse(STAGE + "DELETE/other/path"),
            RouteTarget.parse(STAGE + "GET/"),
            RouteTarget.parse(STAGE + "GET/files/$connect"),
            RouteTarget.parse(STAGE + "$default"));

    // Act and assert
    PolicyDocument first = PolicyBuilder.build(grants, routes.get(0));
    for (RouteTarget route : routes) {
      assertThat(PolicyBuilder.build(grants, route)).isEqualTo(first);
    }
    assertThat(allowed(first))
        .containsExactly(STAGE + "$connect", STAGE + "GET/orders/*", STAGE + "POST/orders");
    assertThat(PolicyEvaluator.allows(first, WS_TARGET.arn())).isTrue();
    assertThat(PolicyEvaluator.allows(first, HTTP_TARGET.arn())).isTrue();
  }

  @Test
  void http_resources_never_match_a_websocket_route_nor_route_keys_an_http_one() {
    PolicyDocument httpOnly = PolicyBuilder.build(grants("* /*"), WS_TARGET);
    PolicyDocument connectOnly = PolicyBuilder.build(grants("$connect"), HTTP_TARGET);

    assertThat(PolicyEvaluator.allows(httpOnly, WS_TARGET.arn())).isFalse();
    assertThat(PolicyEvaluator.allows(connectOnly, HTTP_TARGET.arn())).isFalse();
    assertThat(PolicyEvaluator.allows(connectOnly, STAGE + "GET/files/$connect")).isFalse();
  }

  @Test
  void no_grants_give_exactly_one_deny_on_the_called_stage_only() {
    PolicyDocument policy = PolicyBuilder.build(List.of(), HTTP_TARGET);

    assertThat(policy.statements())
        .containsExactly(Statement.invoke(Effect.Deny, List.of(STAGE + "*")));
    assertThat(Policies.allowsAnything(policy)).isFalse();
    assertThat(PolicyEvaluator.allows(policy, HTTP_TARGET.arn())).isFalse();
    assertThat(policy.statements().get(0).resources())
        .noneMatch(resource -> Wildcard.matches(resource, API + "dev/GET/orders/42"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "/orders/../admin",
        "/orders/./42",
        "/orders/..",
        "/orders/.",
        "/orders/%2e%2e/admin",
        "/orders/%2E%2E/admin",
        "/orders/.%2e/admin",
        "/orders/%2E./admin",
        "/orders/%2e/42",
        "/orders/42/%2E",
        "/orders/a/%2e%2E",
        "/orders/../",
        "/.",
        "/..",
        "/%2e%2e"
      })
  void a_path_with_a_dot_segment_is_denied_even_where_a_grant_matches_it(String path) {
    PolicyDocument policy = PolicyBuilder.build(grants("GET /orders/*", "* /*"), HTTP_TARGET);

    assertThat(PolicyEvaluator.allows(policy, STAGE + "GET" + path)).isFalse();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "/files/a.b",
        "/v1.2/x",
        "/files/.well-known/x",
        "/files/..hidden",
        "/files/a..",
        "/files/...",
        "/files/%2e%2e%2e",
        "/files/x%2e",
        "/files/.%2",
        "/files/%2ex/y",
        "/files/.a/b."
      })
  void a_path_whose_dots_are_not_a_dot_segment_stays_allowed(String path) {
    PolicyDocument policy = PolicyBuilder.build(grants("* /*"), HTTP_TARGET);

    assertThat(PolicyEvaluator.allows(policy, STAGE + "GET" + path)).isTrue();
  }

  @Test
  void the_dot_segment_resources_are_valid_policy_resources_of_the_target_partition() {
    for (String partition : List.of("aws", "aws-cn", "aws-us-gov")) {
      assertThat(PolicyBuilder.dotSegmentResources(partition))
          .hasSize(24)
          .doesNotHaveDuplicates()
          .allSatisfy(r -> assertThat(r).startsWith("arn:" + partition + ":execute-api:*:*:*/"))
          .allSatisfy(r -> assertThat(r.length()).isLessThanOrEqualTo(512))
          .allSatisfy(r -> assertThat(r).matches("[A-Za-z0-9:/._*%-]+"));
    }
  }

  @Test
  void a_star_or_question_mark_in_the_called_path_is_matched_literally() {
    // Arrange
    PolicyDocument policy = PolicyBuilder.build(grants("GET /admin", "GET /abc"), HTTP_TARGET);

    // Act and assert: as wildcards they would reach /admin and /abc.
    assertThat(PolicyEvaluator.allows(policy, RouteTarget.parse(STAGE + "GET/*").arn())).isFalse();
    assertThat(PolicyEvaluator.allows(policy, RouteTarget.parse(STAGE + "GET/a?c").arn()))
        .isFalse();
    assertThat(PolicyEvaluator.allows(policy, RouteTarget.parse(STAGE + "GET/adm*").arn()))
        .isFalse();
    assertThat(PolicyEvaluator.allows(policy, RouteTarget.parse(STAGE + "GET/abc").arn())).isTrue();
  }

  @Test
  void a_literal_star_in_the_called_path_is_allowed_only_where_a_grant_covers_it() {
    PolicyDocument policy = PolicyBuilder.build(grants("GET /files/*"), HTTP_TARGET);

    assertThat(PolicyEvaluator.allows(policy, STAGE + "GET/files/*")).isTrue();
    assertThat(PolicyEvaluator.allows(policy, STAGE + "GET/files/a?b c%20d")).isTrue();
    assertThat(PolicyEvaluator.allows(policy, STAGE + "GET/*/files")).isFalse();
  }

  @Test
  void the_policy_uses_the_target_partition_region_account_and_stage() {
    RouteTarget target =
        RouteTarget.parse("arn:aws-cn:execute-api:cn-north-1:210987654321:zz9/$default/GET/");

    PolicyDocument policy = PolicyBuilder.build(grants("GET /"), target);

    assertThat(allowed(policy))
        .containsExactly("arn:aws-cn:execute-api:cn-north-1:210987654321:zz9/$default/GET/");
    assertThat(policy.statements().get(1).resources())
        .isEqualTo(PolicyBuilder.dotSegmentResources("aws-cn"));
  }

  @Test
  void a_resource_of_512_characters_is_accepted() {
    // Arrange: an API id longer than API Gateway's brings the resource to exactly 512.
    RouteTarget target = targetWithApiId(512 - lengthWithApiIdOfOne() + 1);

    // Act
    PolicyDocument policy = PolicyBuilder.build(grants("GET /orders"), target);

    // Assert
    assertThat(allowed(policy).get(0)).hasSize(PolicyBuilder.MAX_RESOURCE_LENGTH);
  }

  @Test
  void a_resource_over_512_characters_fails_rather_than_return_a_policy_api_gateway_rejects() {
    RouteTarget target = targetWithApiId(513 - lengthWithApiIdOfOne() + 1);

    assertThatIllegalStateException()
        .isThrownBy(() -> PolicyBuilder.build(grants("GET /orders"), target))
        .withMessageContaining("513 characters");
  }

  @Test
  void minimal_keeps_the_first_of_two_patterns_that_cover_each_other() {
    List<String> kept = PolicyBuilder.minimal(new TreeSet<>(List.of("a**", "a*", "a*b")));

    assertThat(kept).containsExactly("a*");
  }

  private static int lengthWithApiIdOfOne() {
    return targetWithApiId(1).stagePrefix().length() + "GET/orders".length();
  }

  private static RouteTarget targetWithApiId(int length) {
    return new RouteTarget(
        "aws",
        "us-east-1",
        "123456789012",
        "a".repeat(length),
        "prod",
        new RouteTarget.HttpRoute("GET", "/orders"));
  }

  private static List<Grant> grants(String... texts) {
    List<Grant> grants = new ArrayList<>();
    for (String text : Arrays.asList(texts)) {
      grants.add(((Grant.Parsed.Accepted) Grant.parse(text)).grant());
    }
    return grants;
  }

  /** The resources of the policy's Allow, checking that the dot-segment Deny follows it. */
  private static List<String> allowed(PolicyDocument policy) {
    assertThat(policy.statements()).hasSize(2);
    Statement allow = policy.statements().get(0);
    assertThat(allow.effect()).isEqualTo(Effect.Allow);
    assertThat(allow.actions()).containsExactly(Statement.INVOKE);
    String partition = allow.resources().get(0).split(":")[1];
    assertThat(policy.statements().get(1))
        .isEqualTo(Statement.invoke(Effect.Deny, PolicyBuilder.dotSegmentResources(partition)));
    return allow.resources();
  }
}
