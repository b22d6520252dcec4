package dev.portcullis.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.rules.Grant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Tests the one policy an identity gets on an API and stage. */
class PolicyBuilderTest {

  private static final String API = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/";
  private static final String STAGE = API + "prod/";
  private static final RouteTarget HTTP_TARGET = RouteTarget.parse(STAGE + "GET/orders/42");
  private static final RouteTarget WS_TARGET = RouteTarget.parse(STAGE + "$connect");

  @Test
  void the_policy_allows_every_granted_route_on_the_target_api_and_stage_in_one_statement() {
    // Act
    PolicyDocument policy =
        PolicyBuilder.build(grants("GET /orders/*", "POST /orders", "GET /health"), HTTP_TARGET);

    // Assert
    assertThat(policy.statements())
        .containsExactly(
            Statement.invoke(
                Effect.Allow,
                List.of(STAGE + "GET/health", STAGE + "GET/orders/*", STAGE + "POST/orders")));
    assertThat(policy.allowsAnything()).isTrue();
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

    assertThat(resources(policy)).doesNotHaveDuplicates().contains(STAGE + "GET/x");
  }

  @Test
  void a_resource_covered_by_a_wider_one_is_dropped() {
    PolicyDocument policy =
        PolicyBuilder.build(grants("GET /orders", "* /*", "GET /orders/*"), HTTP_TARGET);

    assertThat(resources(policy)).containsExactly(STAGE + "*/*");
  }

  @Test
  void a_path_wildcard_swallows_the_paths_under_it() {
    PolicyDocument policy =
        PolicyBuilder.build(
            grants("GET /orders/*", "GET /orders/42/items", "GET /orders"), HTTP_TARGET);

    assertThat(resources(policy)).containsExactly(STAGE + "GET/orders", STAGE + "GET/orders/*");
  }

  @Test
  void any_method_on_a_path_not_starting_with_a_wildcard_lists_each_method() {
    // Arrange: "*/orders" would also match GET/x/orders, because * spans slashes.
    PolicyDocument policy = PolicyBuilder.build(grants("ANY /orders"), HTTP_TARGET);

    // Act and assert
    assertThat(resources(policy))
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

    assertThat(resources(policy)).containsExactly(STAGE + "*/*/items");
  }

  @Test
  void a_grant_for_every_method_swallows_the_same_path_for_one_method() {
    PolicyDocument policy = PolicyBuilder.build(grants("* /orders", "GET /orders"), HTTP_TARGET);

    assertThat(resources(policy)).hasSize(7).contains(STAGE + "GET/orders");
  }

  @Test
  void websocket_grants_are_ignored_for_an_http_target() {
    PolicyDocument policy = PolicyBuilder.build(grants("GET /orders/*", "$connect"), HTTP_TARGET);

    assertThat(resources(policy)).containsExactly(STAGE + "GET/orders/*");
  }

  @Test
  void http_grants_are_ignored_for_a_websocket_target() {
    PolicyDocument policy =
        PolicyBuilder.build(grants("* /*", "$connect", "$disconnect"), WS_TARGET);

    assertThat(resources(policy)).containsExactly(STAGE + "$connect", STAGE + "$disconnect");
    assertThat(PolicyEvaluator.allows(policy, WS_TARGET.arn())).isTrue();
  }

  @Test
  void no_grants_give_exactly_one_deny_on_the_whole_api() {
    PolicyDocument policy = PolicyBuilder.build(List.of(), HTTP_TARGET);

    assertThat(policy.statements())
        .containsExactly(Statement.invoke(Effect.Deny, List.of(API + "*")));
    assertThat(policy.allowsAnything()).isFalse();
    assertThat(PolicyEvaluator.allows(policy, HTTP_TARGET.arn())).isFalse();
  }

  @Test
  void only_grants_of_the_other_kind_give_the_deny_on_the_whole_api() {
    PolicyDocument policy = PolicyBuilder.build(grants("GET /orders"), WS_TARGET);

    assertThat(policy.statements())
        .containsExactly(Statement.invoke(Effect.Deny, List.of(API + "*")));
  }

  @Test
  void the_policy_uses_the_target_partition_region_account_and_stage() {
    RouteTarget target =
        RouteTarget.parse("arn:aws-cn:execute-api:cn-north-1:210987654321:zz9/$default/GET/");

    PolicyDocument policy = PolicyBuilder.build(grants("GET /"), target);

    assertThat(resources(policy))
        .containsExactly("arn:aws-cn:execute-api:cn-north-1:210987654321:zz9/$default/GET/");
  }

  @Test
  void a_resource_of_512_characters_is_accepted() {
    // Arrange: an API id longer than API Gateway's brings the resource to exactly 512.
    RouteTarget target = targetWithApiId(512 - lengthWithApiIdOfOne() + 1);

    // Act
    PolicyDocument policy = PolicyBuilder.build(grants("GET /orders"), target);

    // Assert
    assertThat(resources(policy).get(0)).hasSize(PolicyBuilder.MAX_RESOURCE_LENGTH);
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

  private static List<String> resources(PolicyDocument policy) {
    assertThat(policy.statements()).hasSize(1);
    assertThat(policy.statements().get(0).effect()).isEqualTo(Effect.Allow);
    assertThat(policy.statements().get(0).actions()).containsExactly(Statement.INVOKE);
    return policy.statements().get(0).resources();
  }
}
