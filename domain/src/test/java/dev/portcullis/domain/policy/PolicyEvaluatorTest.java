package dev.portcullis.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests policy evaluation the way API Gateway does it. */
class PolicyEvaluatorTest {

  private static final String STAGE = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/";
  private static final String ORDER = STAGE + "GET/orders/42";

  @Test
  void an_allow_on_a_matching_resource_allows() {
    PolicyDocument policy = policy(Statement.invoke(Effect.Allow, List.of(STAGE + "GET/orders/*")));

    assertThat(PolicyEvaluator.allows(policy, ORDER)).isTrue();
  }

  @Test
  void a_star_in_a_resource_spans_slashes() {
    PolicyDocument policy = policy(Statement.invoke(Effect.Allow, List.of(STAGE + "GET/*")));

    assertThat(PolicyEvaluator.allows(policy, STAGE + "GET/orders/42/items/7")).isTrue();
  }

  @Test
  void a_question_mark_matches_exactly_one_character() {
    PolicyDocument policy =
        policy(Statement.invoke(Effect.Allow, List.of(STAGE + "GET/orders/4?")));

    assertThat(PolicyEvaluator.allows(policy, ORDER)).isTrue();
    assertThat(PolicyEvaluator.allows(policy, STAGE + "GET/orders/4")).isFalse();
    assertThat(PolicyEvaluator.allows(policy, STAGE + "GET/orders/420")).isFalse();
  }

  @Test
  void no_matching_statement_denies() {
    PolicyDocument policy = policy(Statement.invoke(Effect.Allow, List.of(STAGE + "POST/orders")));

    assertThat(PolicyEvaluator.allows(policy, ORDER)).isFalse();
  }

  @Test
  void a_policy_without_statements_denies() {
    assertThat(PolicyEvaluator.allows(new PolicyDocument(List.of()), ORDER)).isFalse();
  }

  @Test
  void an_explicit_deny_wins_over_an_allow_listed_before_it() {
    PolicyDocument policy =
        policy(
            Statement.invoke(Effect.Allow, List.of(STAGE + "*")),
            Statement.invoke(Effect.Deny, List.of(STAGE + "GET/orders/*")));

    assertThat(PolicyEvaluator.allows(policy, ORDER)).isFalse();
    assertThat(PolicyEvaluator.allows(policy, STAGE + "GET/health")).isTrue();
  }

  @Test
  void an_explicit_deny_wins_over_an_allow_listed_after_it() {
    PolicyDocument policy =
        policy(
            Statement.invoke(Effect.Deny, List.of(STAGE + "GET/orders/*")),
            Statement.invoke(Effect.Allow, List.of(STAGE + "*")));

    assertThat(PolicyEvaluator.allows(policy, ORDER)).isFalse();
  }

  @Test
  void a_deny_that_does_not_match_leaves_the_allow_standing() {
    PolicyDocument policy =
        policy(
            Statement.invoke(Effect.Deny, List.of(STAGE + "DELETE/*")),
            Statement.invoke(Effect.Allow, List.of(STAGE + "GET/*")));

    assertThat(PolicyEvaluator.allows(policy, ORDER)).isTrue();
  }

  @Test
  void resources_are_matched_case_sensitively() {
    PolicyDocument policy = policy(Statement.invoke(Effect.Allow, List.of(STAGE + "get/orders/*")));

    assertThat(PolicyEvaluator.allows(policy, ORDER)).isFalse();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "execute-api:Invoke",
        "execute-api:*",
        "*",
        "EXECUTE-API:INVOKE",
        "execute-api:In*"
      })
  void an_action_that_covers_invoke_applies(String action) {
    PolicyDocument policy =
        policy(new Statement(Effect.Allow, List.of(action), List.of(STAGE + "*")));

    assertThat(PolicyEvaluator.allows(policy, ORDER)).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"execute-api:ManageConnections", "s3:*", "execute-api:InvokeX", ""})
  void an_action_that_does_not_cover_invoke_is_ignored(String action) {
    PolicyDocument allow =
        policy(new Statement(Effect.Allow, List.of(action), List.of(STAGE + "*")));
    PolicyDocument denyOther =
        policy(
            new Statement(Effect.Deny, List.of(action), List.of(STAGE + "*")),
            Statement.invoke(Effect.Allow, List.of(STAGE + "*")));

    assertThat(PolicyEvaluator.allows(allow, ORDER)).isFalse();
    assertThat(PolicyEvaluator.allows(denyOther, ORDER)).isTrue();
  }

  @Test
  void a_statement_with_several_actions_applies_when_one_covers_invoke() {
    PolicyDocument policy =
        policy(new Statement(Effect.Allow, List.of("s3:GetObject", "execute-api:*"), List.of("*")));

    assertThat(PolicyEvaluator.allows(policy, ORDER)).isTrue();
  }

  private static PolicyDocument policy(Statement... statements) {
    return new PolicyDocument(List.of(statements));
  }
}
